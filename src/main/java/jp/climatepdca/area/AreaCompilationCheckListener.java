package jp.climatepdca.area;

import java.util.ArrayList;
import java.util.Comparator;
import jp.climatepdca.plan.ActualValueRows;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_CheckAreaCompilation (圏域のとりまとめ結果の確認): the area secretariat checks the compilation,
 * enters the reviewed year's actual values of the area's indicators that are not its compiled GHG totals, and
 * writes the liaison meeting's agenda summary. After a returned member handed in again, the form says so.
 * The indicator rows and their check are the plan's ({@link ActualValueRows}, as in a department's
 * self-assessment); the area's indicators come from the business key's area, never from the form.
 */
@Component("areaCompilationCheckListener")
class AreaCompilationCheckListener extends FormTaskListener {

  static final String AGENDA = "agendaSummary";
  static final String INDICATORS = "indicators";
  static final String STAGE_INDICATORS = "stageIndicators";
  /** A key project's stage is the secretariat's own finding, entered here. */
  static final String STAGE_SOURCE = "圏域事務局のとりまとめ";
  private static final int PACK_SHOWN = 3800;

  private final AreaForms forms;
  private final AreaRecords records;
  private final AreaCompilationService compilations;
  private final TaskVariables variables;
  private final AreaIndicatorActuals actuals;

  AreaCompilationCheckListener(AreaForms forms, AreaRecords records, AreaCompilationService compilations,
      TaskVariables variables, AreaIndicatorActuals actuals) {
    this.actuals = actuals;
    this.forms = forms;
    this.records = records;
    this.compilations = compilations;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    forms.showHeader(task, cycle);
    var resubmitted = forms.members(cycle).stream().filter(m -> m.returnedAt() != null && m.submitted())
        .max(Comparator.comparing(AreaCycleMember::returnedAt))
        .map(m -> forms.memberName(m.municipalityCode()) + " が連絡会議の差戻し（" + m.returnedComment()
            + "）を受けて再提出しました（" + AreaForms.shown(m.resultSubmittedAt()) + "）。とりまとめを確認し直してください。")
        .orElse("");
    variables.putText(task, "returnNotice", resubmitted);
    // the agenda pack starts from the compilation Task_CompileArea just stored; after a member handed in again
    // the figures changed, so the secretariat starts again from the new pack rather than from its old text
    var earlier = records.of(cycle.municipality(), cycle.fiscalYear()).agendaSummary();
    variables.putText(task, AGENDA, earlier == null || !resubmitted.isEmpty()
        ? fitting(compilations.agendaSummary(cycle.municipality(), cycle.fiscalYear())) : earlier);
    var reviewYear = compilations.reviewYear(cycle.fiscalYear());
    variables.putText(task, "indicatorYear", String.valueOf(reviewYear));
    var rows = ActualValueRows.rows(actuals.typed(cycle.municipality()), actuals.byIndicator(cycle.municipality()),
        reviewYear, null);
    variables.putRows(task, INDICATORS, rows.numbers());
    variables.putRows(task, STAGE_INDICATORS, rows.stages());
  }

  /** The pack within a Camunda String variable (4,000 characters): cut at a line, the rest in the compilation. */
  private static String fitting(String pack) {
    if (pack.length() <= PACK_SHOWN) {
      return pack;
    }
    var cut = pack.lastIndexOf('\n', PACK_SHOWN);
    return pack.substring(0, cut > 0 ? cut : PACK_SHOWN) + "\n…（続きはとりまとめ結果を参照）";
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var agenda = AreaText.required(variables, task, AGENDA, "連絡会議の議題・要旨", AreaText.LONG, errors);
    var area = cycle.municipality();
    var reviewYear = compilations.reviewYear(cycle.fiscalYear());
    var values = ActualValueRows.read(variables.rows(task, INDICATORS), variables.rows(task, STAGE_INDICATORS),
        actuals.typed(area), STAGE_SOURCE, "この圏域の", errors);
    refuseIfAny(errors);
    records.of(area, cycle.fiscalYear()).agenda(agenda);
    var user = variables.currentUser(task);
    if (actuals.record(area, reviewYear, values, user)) {
      // the grades are the compilation's: compiled again with the values, the liaison meeting, the report and
      // its indicators.csv show them (the agenda text stays the secretariat's)
      compilations.compile(area, cycle.fiscalYear(), user);
    }
  }
}
