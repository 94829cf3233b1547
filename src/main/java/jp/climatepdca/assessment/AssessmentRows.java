package jp.climatepdca.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import org.springframework.stereotype.Component;

/** The rows a reviewer's table shows: each saved assessment with its measure's name and labels. */
@Component
public class AssessmentRows {

  private final PlanService plan;
  private final SelfAssessmentService assessments;

  AssessmentRows(PlanService plan, SelfAssessmentService assessments) {
    this.plan = plan;
    this.assessments = assessments;
  }

  public List<Map<String, Object>> of(String municipality, int fiscalYear, String department) {
    // the department's measures only: a large city's 400 would be loaded for every review task otherwise
    var measures = plan.measures(municipality, department).stream()
        .collect(Collectors.toMap(MeasureView::code, Function.identity()));
    return rows(measures, assessments.department(municipality, fiscalYear, department));
  }

  /** The same, the measures named as the plan version in force in the reviewed year names them. */
  public List<Map<String, Object>> of(String municipality, int fiscalYear, int reviewYear, String department) {
    var measures = plan.measures(municipality, department, reviewYear).stream()
        .collect(Collectors.toMap(MeasureView::code, Function.identity()));
    return rows(measures, assessments.department(municipality, fiscalYear, department));
  }

  private static List<Map<String, Object>> rows(Map<String, MeasureView> measures, List<AssessmentView> views) {
    return views.stream().map(a -> {
      var m = measures.get(a.measureCode());
      var row = new LinkedHashMap<String, Object>();
      row.put("measureCode", a.measureCode());
      row.put("measureName", m == null ? "" : m.name());
      row.put("kindLabel", m == null ? "" : m.kind().label());
      row.put("progressLabel", a.progress().label());
      row.put("achievements", a.achievements());
      row.put("issues", a.issues() == null ? "" : a.issues());
      row.put("nextSteps", a.nextSteps() == null ? "" : a.nextSteps());
      return (Map<String, Object>) row;
    }).toList();
  }
}
