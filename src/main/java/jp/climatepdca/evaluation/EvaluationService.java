package jp.climatepdca.evaluation;

import java.time.Instant;
import java.util.List;
import jp.climatepdca.plan.PlanService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Check and Action records of a cycle: evaluations, committee opinions, decisions per measure. */
@Service
@Transactional(readOnly = true)
public class EvaluationService {

  private final CycleEvaluationRepository evaluations;
  private final CommitteeOpinionRepository opinions;
  private final MeasureDecisionRepository decisions;
  private final PlanService plan;

  EvaluationService(CycleEvaluationRepository evaluations, CommitteeOpinionRepository opinions,
      MeasureDecisionRepository decisions, PlanService plan) {
    this.evaluations = evaluations;
    this.opinions = opinions;
    this.decisions = decisions;
    this.plan = plan;
  }

  public EvaluationView evaluation(String municipality, int fiscalYear) {
    return evaluations.findByMunicipalityCodeAndFiscalYear(municipality, fiscalYear).map(CycleEvaluation::view)
        .orElse(EvaluationView.EMPTY);
  }

  @Transactional
  public void saveSecretariatSummary(String municipality, int fiscalYear, String summary) {
    evaluationOf(municipality, fiscalYear).summarize(summary);
  }

  @Transactional
  public void saveHeadquartersEvaluation(String municipality, int fiscalYear, String evaluation) {
    evaluationOf(municipality, fiscalYear).evaluate(evaluation);
  }

  @Transactional
  public void saveLiaisonMinutes(String municipality, int fiscalYear, String minutes) {
    evaluationOf(municipality, fiscalYear).recordMinutes(minutes);
  }

  /** Each committee round adds its opinions; a retried completion of the same task adds nothing. */
  @Transactional
  public void addOpinions(String municipality, int fiscalYear, String taskId, String user, List<OpinionInput> inputs) {
    if (opinions.existsByTaskId(taskId)) {
      return;
    }
    var now = Instant.now();
    for (var input : inputs) {
      opinions.save(new CommitteeOpinion(municipality, fiscalYear, input.measureCode(), input.opinion(), taskId, user,
          now));
    }
  }

  public List<OpinionView> opinions(String municipality, int fiscalYear) {
    return opinions.findByMunicipalityCodeAndFiscalYearOrderById(municipality, fiscalYear).stream()
        .map(CommitteeOpinion::view).toList();
  }

  /**
   * Records the Action step and shapes next year's plan by it, in one transaction. A retried completion of
   * the same step finds the year decided and changes nothing. The rows the area decided ({@code area} set)
   * are recorded as the area's decisions.
   */
  @Transactional
  public void decide(String municipality, int fiscalYear, List<DecisionInput> inputs, String user) {
    if (decisions.existsByMunicipalityCodeAndFiscalYear(municipality, fiscalYear)) {
      return;
    }
    var now = Instant.now();
    plan.applyReviews(municipality, fiscalYear, inputs.stream().map(input -> new PlanService.Review(
        input.measureCode(), input.decision().effect(), input.decision().label(), input.note())).toList());
    decisions.saveAll(inputs.stream().map(input -> new MeasureDecision(municipality, fiscalYear, input.measureCode(),
        input.decision(), input.note(), user, now, input.area())).toList());
  }

  /**
   * The area's decisions for a member whose own Action step of the year already ran without them (a late
   * member that went on alone decided before the area did): each of its measures carrying a shared measure
   * that the member decided itself takes the area's decision, recorded as made by the area (who decided it
   * for the area, the area's note) with the member's own decision kept beside it, and next year's plan
   * follows (廃止 discards the measure, 継続・修正して継続 keep it, bringing back one the member had discarded).
   * A member whose Action step has not run yet is left alone: its step applies them ({@link #decide} would
   * otherwise find the year decided and record nothing of the member's own). Run again, it changes nothing.
   *
   * @return the measures changed
   */
  @Transactional
  public int applyAreaDecisions(String municipality, int fiscalYear, List<AreaDecisionsForMember.Binding> bindings) {
    if (bindings.isEmpty() || !decisions.existsByMunicipalityCodeAndFiscalYear(municipality, fiscalYear)) {
      return 0;
    }
    var recorded = decisions.findByMunicipalityCodeAndFiscalYearOrderByMeasureCode(municipality, fiscalYear).stream()
        .collect(java.util.stream.Collectors.toMap(MeasureDecision::measureCode, d -> d));
    var now = Instant.now();
    var reviews = new java.util.ArrayList<PlanService.Review>();
    for (var binding : bindings) {
      var row = recorded.get(binding.memberMeasure());
      // no row: the measure was not in the year's Action step (discarded or retired before it)
      if (row == null || row.areaCode() != null) {
        continue;
      }
      row.replaceByArea(binding.decision(), binding.note(), binding.area(), binding.decidedBy(), now);
      reviews.add(new PlanService.Review(binding.memberMeasure(), binding.decision().effect(), binding.decision().label(),
          binding.note()));
    }
    plan.applyReviews(municipality, fiscalYear, reviews);
    return reviews.size();
  }

  public List<MeasureDecisionView> decisions(String municipality, int fiscalYear) {
    return decisions.findByMunicipalityCodeAndFiscalYearOrderByMeasureCode(municipality, fiscalYear).stream()
        .map(MeasureDecision::view).toList();
  }

  public List<MeasureDecisionView> history(String municipality, String measureCode) {
    return decisions.findByMunicipalityCodeAndMeasureCodeOrderByFiscalYear(municipality, measureCode).stream()
        .map(MeasureDecision::view).toList();
  }

  private CycleEvaluation evaluationOf(String municipality, int fiscalYear) {
    return evaluations.findByMunicipalityCodeAndFiscalYear(municipality, fiscalYear)
        .orElseGet(() -> evaluations.save(new CycleEvaluation(municipality, fiscalYear)));
  }

  public record OpinionInput(String measureCode, String opinion) {}

  /** {@code area}: the area whose decision this is (the measure carries its shared measure), or null. */
  public record DecisionInput(String measureCode, ActionDecision decision, String note, String area) {}
}
