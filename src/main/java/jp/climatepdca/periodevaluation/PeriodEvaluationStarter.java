package jp.climatepdca.periodevaluation;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.plan.PlanGovernance;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.plan.PlanVersionService;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FiscalYear;
import jp.climatepdca.system.NotFoundException;
import jp.climatepdca.system.UserInputException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a plan-period evaluation starts, by the API or by the daily schedule: one per municipality
 * and fiscal year, within the plan period the version in force that year gives. Its row is written first
 * and the process's first step compiles the trend into it, in the caller's transaction: a refusal or a
 * failure leaves nothing.
 */
@Service
public class PeriodEvaluationStarter {

  private static final String TITLE = "計画期間の評価を開始できません";

  private final PlanService plan;
  private final PlanVersionService versions;
  private final PeriodEvaluationStore store;
  private final RuntimeService runtime;
  private final MonthDay scheduledStart;

  PeriodEvaluationStarter(PlanService plan, PlanVersionService versions, PeriodEvaluationStore store,
      RuntimeService runtime, @Value("${climate-pdca.period-evaluation.start-date:10-01}") String scheduledStart) {
    this.plan = plan;
    this.versions = versions;
    this.store = store;
    this.runtime = runtime;
    this.scheduledStart = MonthDay.parse("--" + scheduledStart);
  }

  @Transactional
  public StartedPeriodEvaluation start(String municipality, Integer fiscalYear, String kind, String startedBy) {
    var errors = new ArrayList<String>();
    if (fiscalYear == null) {
      errors.add("fiscalYear: 年度は必須です");
    } else if (fiscalYear < FiscalYear.FIRST || fiscalYear > FiscalYear.LAST) {
      errors.add("fiscalYear: 年度は" + FiscalYear.FIRST + "〜" + FiscalYear.LAST + "の範囲で指定してください（" + fiscalYear + "）");
    }
    EvaluationKind evaluationKind = null;
    if (kind == null || kind.isBlank()) {
      errors.add("kind: 評価の種類（MIDTERM＝中間年度評価、FINAL＝最終年度評価）は必須です");
    } else {
      try {
        evaluationKind = EvaluationKind.valueOf(kind.strip());
      } catch (IllegalArgumentException e) {
        errors.add("kind: 評価の種類 \"" + kind + "\" は使えません（MIDTERM＝中間年度評価、FINAL＝最終年度評価）");
      }
    }
    if (!errors.isEmpty()) {
      throw new UserInputException(TITLE, errors);
    }
    var m = plan.findMunicipality(municipality)
        .orElseThrow(() -> new NotFoundException("自治体コード \"" + municipality + "\" は登録されていません"));
    var version = versions.versionInForce(m.code(), fiscalYear).orElseThrow(() -> new ConflictException(
        m.name() + "の計画はまだ登録されていません。先に計画データ（計画期間 plan.firstYear〜lastYear を含む）を登録してください"));
    if (version.firstYear() == null || version.lastYear() == null) {
      throw new ConflictException(m.name() + "の計画（第" + version.number() + "版）には計画期間がありません。"
          + "計画データに plan.firstYear と plan.lastYear を記入して登録してください");
    }
    int first = version.firstYear();
    int last = version.lastYear();
    if (fiscalYear < first || fiscalYear > last) {
      throw new UserInputException(TITLE, List.of("fiscalYear: " + fiscalYear + "年度は計画期間（" + first + "〜" + last
          + "年度）の外です"));
    }
    if (evaluationKind == EvaluationKind.FINAL && fiscalYear != last) {
      throw new UserInputException(TITLE, List.of("kind: 最終年度評価（FINAL）は計画期間の最終年度（" + last
          + "年度）に行います（" + fiscalYear + "年度は中間年度評価 MIDTERM としてください）"));
    }
    if (evaluationKind == EvaluationKind.MIDTERM && fiscalYear == last) {
      throw new UserInputException(TITLE, List.of("kind: " + last + "年度は計画期間の最終年度です。最終年度評価（FINAL）としてください"));
    }
    var businessKey = new CycleReference(m.code(), fiscalYear).businessKey() + PlanPeriodEvaluationProcess.BUSINESS_KEY_SUFFIX;
    if (store.exists(m.code(), fiscalYear)) {
      throw alreadyStarted(fiscalYear, businessKey);
    }
    try {
      store.insert(m.code(), fiscalYear, evaluationKind, first, last, startedBy);
    } catch (DataIntegrityViolationException e) {
      throw alreadyStarted(fiscalYear, businessKey);
    }
    var instance = runtime.createProcessInstanceByKey(PlanPeriodEvaluationProcess.KEY).businessKey(businessKey)
        .setVariable(CycleReference.MUNICIPALITY, m.code())
        .setVariable(CycleReference.FISCAL_YEAR, fiscalYear)
        .execute();
    var row = store.get(m.code(), fiscalYear);
    store.update(row.id(), "process_instance_id", instance.getId());
    return new StartedPeriodEvaluation(instance.getId(), businessKey, m.code(), fiscalYear, evaluationKind.name(),
        evaluationKind.label(), first, last);
  }

  /**
   * The schedule's check (bpmn/plan-period-evaluation-schedule.bpmn, daily): every municipality whose plan,
   * as the version in force this fiscal year gives it, has its mid-term or final year now, from the
   * configured day of that year on, and no evaluation for it yet. A day the server was down is caught up
   * on the next day of the same fiscal year.
   */
  @Transactional
  public List<StartedPeriodEvaluation> startDue(LocalDate today) {
    int fiscalYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    var startDay = scheduledStart.atYear(scheduledStart.getMonthValue() >= 4 ? fiscalYear : fiscalYear + 1);
    if (today.isBefore(startDay)) {
      return List.of();
    }
    var started = new ArrayList<StartedPeriodEvaluation>();
    for (var m : plan.municipalities()) {
      var version = versions.versionInForce(m.code(), fiscalYear);
      if (version.isEmpty() || version.get().firstYear() == null || version.get().lastYear() == null
          || store.exists(m.code(), fiscalYear)) {
        continue;
      }
      int first = version.get().firstYear();
      int last = version.get().lastYear();
      if (fiscalYear == last) {
        started.add(start(m.code(), fiscalYear, EvaluationKind.FINAL.name(), "system"));
      } else if (fiscalYear == PlanGovernance.midTermYear(first, last)) {
        started.add(start(m.code(), fiscalYear, EvaluationKind.MIDTERM.name(), "system"));
      }
    }
    return started;
  }

  private static ConflictException alreadyStarted(int fiscalYear, String businessKey) {
    return new ConflictException(fiscalYear + "年度の計画期間の評価（" + businessKey + "）は既に開始されています");
  }
}
