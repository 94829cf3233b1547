package jp.climatepdca.area;

import java.util.Collection;

/** The area cycle's phase, read from where its process instance waits (first match wins). */
enum AreaPhase {
  RETURNED_MEMBER("差し戻した市町村の再提出待ち", AreaCycleProcess.TASK_AWAIT_RETURNED_RESULT),
  LATE_MEMBER("提出遅延への対応（事務局）", AreaCycleProcess.TASK_HANDLE_LATE_MEMBER),
  MEMBER_RESULTS("構成市町村の点検・評価結果の提出待ち", AreaCycleProcess.TASK_AWAIT_MEMBER_RESULT),
  CHECK_COMPILATION("圏域のとりまとめ結果の確認（事務局）", AreaCycleProcess.TASK_CHECK_AREA_COMPILATION),
  LIAISON_MEETING("連絡会議での全体協議", AreaCycleProcess.TASK_AREA_LIAISON_MEETING),
  COMMITTEE_OPINIONS("意見聴取委員会への報告と意見", AreaCycleProcess.TASK_AREA_COMMITTEE_OPINIONS),
  RESPONSES("意見への対応（事務局）", AreaCycleProcess.TASK_RESPOND_TO_OPINIONS),
  ACTION("圏域の施策の見直し（Action）", AreaCycleProcess.TASK_AREA_ACTION_DECISIONS),
  APPROVAL("圏域の年次報告の承認", AreaCycleProcess.TASK_APPROVE_AREA_REPORT),
  PUBLICATION("圏域の年次報告の公表", AreaCycleProcess.TASK_PUBLISH_AREA_REPORT),
  NOTIFICATION("構成市町村への決定の通知", AreaCycleProcess.TASK_NOTIFY_MEMBERS),
  IN_TRANSITION("処理中", null),
  COMPLETED("完了", null);

  private final String label;
  private final String activityId;

  AreaPhase(String label, String activityId) {
    this.label = label;
    this.activityId = activityId;
  }

  String label() {
    return label;
  }

  static AreaPhase of(Collection<String> activeActivityIds) {
    for (var phase : values()) {
      if (phase.activityId != null && activeActivityIds.contains(phase.activityId)) {
        return phase;
      }
    }
    return IN_TRANSITION;
  }
}
