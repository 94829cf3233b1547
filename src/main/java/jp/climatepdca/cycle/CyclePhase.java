package jp.climatepdca.cycle;

import java.util.Collection;

/** The cycle's phase, read from where its process instance waits. */
enum CyclePhase {
  WAITING_FOR_APRIL("4月の点検開始待ち", FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE),
  SELF_ASSESSMENT("各部署の自己点検・自己評価", FiscalYearCycleProcess.CALL_SELF_ASSESSMENTS),
  // the emissions branch runs in parallel; it names the phase once the departments are all in
  EMISSIONS_DATA_ENTRY("活動量データの入力（温室効果ガス排出量の算定）", FiscalYearCycleProcess.TASK_ENTER_ACTIVITY_DATA),
  EMISSIONS_VERIFICATION("事務局による排出量の確認", FiscalYearCycleProcess.TASK_VERIFY_EMISSIONS),
  WAITING_FOR_JULY("7月の排出量算定開始待ち", FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE),
  CHECK("事務局による点検・評価のとりまとめ", FiscalYearCycleProcess.TASK_COMPILE_CHECK),
  HEADQUARTERS_EVALUATION("推進本部による庁内評価", FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION),
  LIAISON_MEETING("連絡会議", FiscalYearCycleProcess.TASK_LIAISON_MEETING),
  // a member of an area: handed in, waiting for the area's liaison meeting, committee and decisions
  AREA_REVIEW("圏域での点検・評価（連絡会議・意見聴取委員会）の結果待ち", FiscalYearCycleProcess.GATEWAY_AWAIT_AREA),
  COMMITTEE_REVIEW("推進委員会による点検評価", FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW),
  // the Action step and the publication run side by side; while both are open the Action step names the phase
  ACTION("施策の見直し（Action）", FiscalYearCycleProcess.TASK_ACTION_DECISIONS),
  PUBLICATION("年次報告書の作成・公表", FiscalYearCycleProcess.CALL_ANNUAL_REPORT_PUBLICATION),
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
