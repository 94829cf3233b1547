package jp.climatepdca.area;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What every area-cycle form shows at its top: the area, the year, the members with whether and when each
 * handed in, and the compilation (a summary here; the full one at the area-report API that the link names).
 * Read from our tables only: an area user's task never reads a member's drafts.
 */
@Component
class AreaForms {

  private static final int AGENDA_SHOWN = 3800;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Asia/Tokyo"));

  private final AreaPlanService areas;
  private final AreaCycleMemberRepository members;
  private final PlanService plan;
  private final TaskVariables variables;
  private final AreaCompilationService compilations;

  AreaForms(AreaPlanService areas, AreaCycleMemberRepository members, PlanService plan, TaskVariables variables,
      AreaCompilationService compilations) {
    this.areas = areas;
    this.members = members;
    this.plan = plan;
    this.variables = variables;
    this.compilations = compilations;
  }

  /** The area's view for the task's business key ({@code <area>:<fiscalYear>}). */
  AreaView area(CycleReference cycle) {
    return areas.find(cycle.municipality())
        .orElseThrow(() -> new IllegalStateException("no area " + cycle.municipality()));
  }

  List<AreaCycleMember> members(CycleReference cycle) {
    return members.findByAreaCodeAndFiscalYearOrderByPosition(cycle.municipality(), cycle.fiscalYear());
  }

  String memberName(String municipality) {
    return plan.findMunicipality(municipality).map(m -> m.name()).orElse(municipality);
  }

  void showHeader(DelegateTask task, CycleReference cycle) {
    var area = area(cycle);
    var joined = members(cycle);
    variables.putText(task, "areaName", area.name());
    variables.putText(task, "memberCount", joined.size() + "市町村");
    variables.putRows(task, "members", joined.stream().map(this::memberRow).toList());
    var submitted = joined.stream().filter(AreaCycleMember::submitted).count();
    var without = joined.stream().filter(AreaCycleMember::proceededWithout).count();
    var keyProjects = areas.sharedMeasures(area.code(), cycle.fiscalYear()).stream().filter(SharedMeasureView::keyProject)
        .map(m -> m.code() + " " + m.name()).toList();
    var handedIn = "提出済み " + submitted + " / " + joined.size() + " 市町村"
        + (without > 0 ? "（提出を待たずに進めた市町村 " + without + "）" : "")
        + (keyProjects.isEmpty() ? "" : "。重点事業：" + String.join("、", keyProjects));
    // the compilation's agenda pack once the year is compiled; a Camunda String variable holds 4,000 characters
    var agenda = compilations.latest(area.code(), cycle.fiscalYear())
        .map(c -> compilations.agendaSummary(area.code(), cycle.fiscalYear())).orElse(null);
    variables.putText(task, "compilationSummary", agenda == null ? handedIn : shortened(handedIn + "\n\n" + agenda));
    variables.putText(task, "compilationLink", "/api/area-cycles/" + area.code() + "/" + cycle.fiscalYear() + "/compilation");
  }

  private Map<String, Object> memberRow(AreaCycleMember m) {
    var row = new LinkedHashMap<String, Object>();
    row.put("municipality", m.municipalityCode());
    row.put("name", memberName(m.municipalityCode()));
    row.put("submittedLabel", m.submitted() ? "提出済み" : m.proceededWithout() ? "未提出（待たずに進行）" : "未提出");
    row.put("submittedAt", m.resultSubmittedAt() == null ? "" : SHOWN.format(m.resultSubmittedAt()));
    row.put("lateLabel", m.lateDecision() == null ? "" : m.lateDecision().label());
    row.put("note", m.lateNote() == null ? "" : m.lateNote());
    return row;
  }

  /** Line by line as written (markdown would join single lines), cut before the variable's limit. */
  private static String shortened(String text) {
    var lines = text.replace("\n", "  \n");
    return lines.length() <= AGENDA_SHOWN ? lines
        : lines.substring(0, AGENDA_SHOWN) + " …（続きは下の「とりまとめ結果」で確認できます）";
  }

  static String shown(java.time.Instant at) {
    return at == null ? "" : SHOWN.format(at);
  }
}
