package jp.climatepdca.reminder;

import java.net.URI;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** A reminder's Japanese subject and body, with a link straight to the task in Tasklist. */
@Component
class ReminderMail {

  record Text(String subject, String body) {}

  private final ReminderSettings settings;

  ReminderMail(ReminderSettings settings) {
    this.settings = settings;
  }

  Text of(ReminderKind kind, DelegateTask task, ReminderSubject.Of subject, LocalDate due, String engineName) {
    var place = subject.name() + "（" + fiscalYear(subject.fiscalYear()) + "）";
    var mailSubject = "【" + label(kind) + "】" + task.getName() + " - " + place + " 期限 " + japanese(due);
    var body = new StringBuilder();
    body.append(opening(kind, subject)).append("\n\n");
    body.append("タスク: ").append(task.getName()).append('\n');
    body.append(subject.ofDepartment() ? "自治体" : "自治体・圏域").append(": ").append(subject.name()).append('\n');
    if (subject.ofDepartment()) {
      body.append("担当課: ").append(subject.departmentName()).append('\n');
    }
    body.append("年度: ").append(fiscalYear(subject.fiscalYear())).append('\n');
    body.append("期限: ").append(japanese(due)).append('\n');
    body.append("\nTasklist で開く:\n").append(link(task.getId(), engineName)).append("\n\n");
    body.append("このメールは気候変動対策 PDCA 進行管理システムが自動で送信しています。")
        .append("このメールに返信しても届きません。タスクを完了すると以後のお知らせは届きません。\n");
    return new Text(mailSubject, body.toString());
  }

  private String label(ReminderKind kind) {
    return switch (kind) {
      case BEFORE_DUE -> "期限まで" + settings.daysBefore() + "営業日";
      case ON_DUE -> "本日期限";
      case OVERDUE, OVERDUE_AGAIN -> "期限超過";
    };
  }

  private String opening(ReminderKind kind, ReminderSubject.Of subject) {
    return switch (kind) {
      case BEFORE_DUE -> "次のタスクの期限まであと" + settings.daysBefore() + "営業日です。期限までに完了してください。";
      case ON_DUE -> "次のタスクは本日が期限です。本日中に完了してください。";
      case OVERDUE -> subject.ofDepartment()
          ? "所属長の方へ: 貴課の次のタスクが期限を過ぎても完了していません。担当者への確認をお願いします。"
          : "事務局の方へ: 次のタスクが期限を過ぎても完了していません。進行の確認をお願いします。";
      case OVERDUE_AGAIN -> "事務局の方へ: " + subject.departmentName() + "の次のタスクが期限を"
          + settings.escalationAfter() + "営業日過ぎ、所属長へのお知らせの後も" + settings.secretariatAfter()
          + "営業日完了していません。督促をお願いします。";
    };
  }

  /** Tasklist's own address of the task: {@code <base>/camunda/app/tasklist/<engine>/#/?task=<id>}. */
  String link(String taskId, String engineName) {
    var base = UriComponentsBuilder.fromUri(settings.tasklistUrl())
        .path("/camunda/app/tasklist/{engine}/").buildAndExpand(engineName).encode().toUriString();
    return URI.create(base) + "#/?task=" + taskId;
  }

  /** 令和8年5月29日（金）: the era the date falls in, 元年 for its first year. */
  static String japanese(LocalDate day) {
    var date = JapaneseDate.from(day);
    return era(date) + year(date.get(ChronoField.YEAR_OF_ERA)) + "年" + day.getMonthValue() + "月"
        + day.getDayOfMonth() + "日（" + day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + "）";
  }

  /**
   * 令和8年度（2026年度）: the era year of the calendar year it begins in, as offices name it (fiscal 2019, begun
   * under 平成 on 1 April, is 令和元年度).
   */
  static String fiscalYear(int fiscalYear) {
    var date = JapaneseDate.from(LocalDate.of(fiscalYear, 12, 31));
    return era(date) + year(date.get(ChronoField.YEAR_OF_ERA)) + "年度（" + fiscalYear + "年度）";
  }

  private static String era(JapaneseDate date) {
    return ((JapaneseEra) date.getEra()).getDisplayName(TextStyle.FULL, Locale.JAPANESE);
  }

  private static String year(int yearOfEra) {
    return yearOfEra == 1 ? "元" : Integer.toString(yearOfEra);
  }
}
