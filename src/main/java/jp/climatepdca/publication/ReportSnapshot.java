package jp.climatepdca.publication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.emission.InventoryReport;
import jp.climatepdca.emission.InventoryReportService;
import jp.climatepdca.evaluation.EvaluationService;
import jp.climatepdca.plan.DepartmentView;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.plan.PlanVersionService;
import jp.climatepdca.opinion.OpinionTriageService;
import jp.climatepdca.publication.ReportContent.CitizenOpinionEntry;
import jp.climatepdca.publication.ReportContent.Emissions;
import jp.climatepdca.publication.ReportContent.MeasureEntry;
import jp.climatepdca.publication.ReportContent.OpinionEntry;
import jp.climatepdca.publication.ReportContent.SectorEntry;
import jp.climatepdca.publication.ReportContent.Texts;
import jp.climatepdca.publication.ReportContent.YearTotal;
import org.springframework.stereotype.Component;

/**
 * Copies what an annual report shows out of the live data (plan, self-assessments, Check texts, committee
 * opinions, emissions inventory) into a {@link ReportContent} that no later edit can reach.
 */
@Component
class ReportSnapshot {

  private final PlanService plan;
  private final SelfAssessmentService assessments;
  private final EvaluationService evaluations;
  private final InventoryReportService inventories;
  private final ReportIndicators indicators;
  private final PlanVersionService versions;
  private final PriorOpinions prior;
  private final OpinionTriageService citizenOpinions;

  ReportSnapshot(PlanService plan, SelfAssessmentService assessments, EvaluationService evaluations,
      InventoryReportService inventories, ReportIndicators indicators, PlanVersionService versions,
      PriorOpinions prior, OpinionTriageService citizenOpinions) {
    this.prior = prior;
    this.versions = versions;
    this.citizenOpinions = citizenOpinions;
    this.plan = plan;
    this.assessments = assessments;
    this.evaluations = evaluations;
    this.inventories = inventories;
    this.indicators = indicators;
  }

  /** The committee's opinions of the year as the preparation form lists them, by id. */
  List<jp.climatepdca.evaluation.OpinionView> opinions(String municipality, int fiscalYear) {
    return evaluations.opinions(municipality, fiscalYear);
  }

  ReportContent take(ReportRequest request, int version, Map<Long, String> responses, Instant now) {
    var m = plan.municipality(request.municipality());
    // named as the plan version in force in the reviewed year named them
    var measures = plan.measures(m.code(), request.reviewYear()).stream()
        .collect(Collectors.toMap(MeasureView::code, Function.identity()));
    var departments = plan.departments(m.code()).stream()
        .collect(Collectors.toMap(DepartmentView::code, DepartmentView::name));
    var measureEntries = assessments.all(m.code(), request.fiscalYear()).stream().map(a -> {
      var measure = measures.get(a.measureCode());
      return new MeasureEntry(a.measureCode(), measure == null ? a.measureCode() : measure.name(),
          departments.getOrDefault(a.departmentCode(), a.departmentCode()),
          measure == null ? "" : measure.sector().label(), measure == null ? "" : measure.kind().label(),
          measure != null && measure.keyProject(), a.progress().name(), a.progress().label(), a.achievements(),
          a.issues(), a.nextSteps());
    }).toList();
    var opinionEntries = evaluations.opinions(m.code(), request.fiscalYear()).stream()
        .map(o -> new OpinionEntry(o.measureCode(),
            o.measureCode() != null && measures.containsKey(o.measureCode()) ? measures.get(o.measureCode()).name()
                : null,
            o.opinion(), responses.get(o.id())))
        .toList();
    var evaluation = evaluations.evaluation(m.code(), request.fiscalYear());
    return new ReportContent(m.code(), m.name(), request.fiscalYear(), request.reviewYear(), version,
        request.summary(), request.changeNote(), now,
        new Texts(evaluation.secretariatSummary(), evaluation.headquartersEvaluation(), evaluation.liaisonMinutes()),
        measureEntries, opinionEntries, emissions(m.code(), m.baseYear(), request.inventoryYear()),
        indicators.grades(m.code(), request.fiscalYear()), indicators.targets(m.code(), request.reviewYear()),
        indicators.targetPath(m.code(), request.reviewYear(), request.inventoryYear()), ReportContent.BOOK,
        planName(m.code(), m.name(), request.reviewYear()),
        prior.entries(m.code(), request.fiscalYear(), code -> measures.containsKey(code) ? measures.get(code).name() : null),
        citizenOpinions(m.code(), request.fiscalYear(), measures));
  }

  /** The accepted citizens' opinions of the year with their responses (docs/opinion-triage.md); empty if none. */
  private List<CitizenOpinionEntry> citizenOpinions(String municipality, int fiscalYear,
      Map<String, MeasureView> measures) {
    return citizenOpinions.accepted(municipality, fiscalYear).stream()
        .map(a -> new CitizenOpinionEntry(a.reference(), a.senderKindLabel(), a.measureCode(),
            a.measureCode() != null && measures.containsKey(a.measureCode()) ? measures.get(a.measureCode()).name()
                : null,
            a.body(), a.response(), a.merged()))
        .toList();
  }

  /** The cover's plan name: the town's plan and, when its file named one, the period of the version in force. */
  private String planName(String municipality, String name, int reviewYear) {
    var period = versions.versionInForce(municipality, reviewYear)
        .filter(v -> v.firstYear() != null && v.lastYear() != null)
        .map(v -> "（" + v.firstYear() + "〜" + v.lastYear() + "年度）").orElse("");
    return name + " 地球温暖化対策実行計画" + period;
  }

  /** The inventory year by sector and the trend of every calculated year from the base year on; null if none. */
  private Emissions emissions(String municipality, int baseYear, int inventoryYear) {
    var current = inventories.find(municipality, inventoryYear).orElse(null);
    if (current == null) {
      return null;
    }
    var trend = new ArrayList<YearTotal>();
    for (int year = Math.min(baseYear, inventoryYear); year <= inventoryYear; year++) {
      inventories.find(municipality, year).ifPresent(r -> trend.add(yearTotal(r)));
    }
    var sectors = current.sectors().stream().map(s -> new SectorEntry(s.sector().name(), s.label(), s.total(),
        s.baseYearTotal(), s.changeFromBaseYearPercent())).toList();
    var path = current.targetPath();
    return new Emissions(inventoryYear, current.baseYear().year(), current.total(), current.baseYear().total(),
        current.baseYear().changePercent(), path == null ? null : path.pathTotal(),
        path == null ? null : path.gapPercent(), path == null ? null : path.onTrack(), sectors, trend);
  }

  private static YearTotal yearTotal(InventoryReport report) {
    var bySector = new LinkedHashMap<String, BigDecimal>();
    report.sectors().forEach(s -> bySector.put(s.label(), s.total()));
    return new YearTotal(report.inventoryYear(), report.total(), bySector);
  }

  /** What the secretariat asks to be frozen: which year, and its own texts. */
  record ReportRequest(String municipality, int fiscalYear, int reviewYear, int inventoryYear, String summary,
      String changeNote) {}
}
