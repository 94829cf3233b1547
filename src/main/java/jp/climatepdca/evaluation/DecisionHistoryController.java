package jp.climatepdca.evaluation;

import java.time.Instant;
import java.util.List;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Each measure's Action decisions over the years, and where they left it in the plan. */
@RestController
@RequestMapping("/api")
class DecisionHistoryController {

  private final EvaluationService evaluations;
  private final PlanService plan;

  DecisionHistoryController(EvaluationService evaluations, PlanService plan) {
    this.evaluations = evaluations;
    this.plan = plan;
  }

  @GetMapping("/measures/{municipality}/{measureCode}/decisions")
  @PreAuthorize("@roles.belongsTo(authentication, #municipality)")
  MeasureHistory history(@PathVariable String municipality, @PathVariable String measureCode) {
    var measure = plan.measures(municipality).stream().filter(m -> m.code().equals(measureCode)).findFirst()
        .orElseThrow(() -> new NotFoundException("施策コード \"" + measureCode + "\" は登録されていません"));
    var decisions = evaluations.history(municipality, measureCode).stream()
        .map(d -> new Entry(d.fiscalYear(), d.decision().name(), d.decision().label(), d.note(), d.decidedBy(),
            d.decidedAt(), d.area(), d.replaced() == null ? null : new Replaced(d.replaced().decision().name(),
                d.replaced().decision().label(), d.replaced().note(), d.replaced().decidedBy())))
        .toList();
    return new MeasureHistory(municipality, measure.code(), measure.name(), measure.kind().name(),
        measure.kind().label(), measure.status().name(), decisions);
  }

  record MeasureHistory(String municipality, String measureCode, String measureName, String kind, String kindLabel,
      String status, List<Entry> decisions) {}

  /**
   * {@code area}: the area whose decision on a shared measure this is (null: the municipality's own);
   * {@code replaced}: the municipality's own decision, made before the area decided, that the area's replaced.
   */
  record Entry(int fiscalYear, String decision, String label, String note, String decidedBy, Instant decidedAt,
      String area, Replaced replaced) {}

  record Replaced(String decision, String label, String note, String decidedBy) {}
}
