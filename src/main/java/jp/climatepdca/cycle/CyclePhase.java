package jp.climatepdca.cycle;

import java.util.Collection;

/** The cycle's phase, read from where its process instance waits. */
enum CyclePhase {
  WAITING_FOR_APRIL("4月の点検開始待ち", FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE),
  SELF_ASSESSMENT("各部署の自己点検・自己評価", FiscalYearCycleProcess.CALL_SELF_ASSESSMENTS),
  CHECK("事務局による点検・評価のとりまとめ", FiscalYearCycleProcess.TASK_COMPILE_CHECK),
  HEADQUARTERS_EVALUATION("推進本部による庁内評価", FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION),
  LIAISON_MEETING("連絡会議", FiscalYearCycleProcess.TASK_LIAISON_MEETING),
  COMMITTEE_REVIEW("推進委員会による点検評価", FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW),
  ACTION("施策の見直し（Action）", FiscalYearCycleProcess.TASK_ACTION_DECISIONS),
  IN_TRANSITION("処理中", null),
  COMPLETED("完了", null);

  private final String label;
  private final String activityId;

  CyclePhase(String label, String activityId) {
    this.label = label;
    this.activityId = activityId;
  }

  String label() {
    return label;
  }

  /** Between two wait states the instance may sit on an asynchronous job for a moment. */
  static CyclePhase of(Collection<String> activeActivityIds) {
    for (var phase : values()) {
      if (phase.activityId != null && activeActivityIds.contains(phase.activityId)) {
        return phase;
      }
    }
    return IN_TRANSITION;
  }
}
