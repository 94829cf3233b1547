package jp.climatepdca.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.climatepdca.plan.PlanDocument.BodyEntry;
import jp.climatepdca.plan.PlanDocument.GovernanceEntry;
import jp.climatepdca.plan.PlanDocument.PlanEntry;
import jp.climatepdca.plan.PlanDocument.ScheduleEntry;
import jp.climatepdca.plan.PlanGovernance.Body;
import jp.climatepdca.plan.PlanGovernance.CommitteeKind;
import jp.climatepdca.plan.PlanGovernance.ReviewOrder;
import jp.climatepdca.plan.PlanGovernance.Step;
import jp.climatepdca.system.Quoted;

/**
 * Checks the plan file's {@code governance} block (docs/governance.md) into the validator's list and turns
 * an accepted block into {@link PlanGovernance}. Unknown steps and body roles are already refused by
 * {@link PlanFileTypes} (the records name every allowed field).
 */
final class PlanGovernanceValidator {

  /** {@code uuuu} and STRICT: 02-30 is refused, not moved to 02-28; 02-29 is a day some years have. */
  static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern MM_DD = Pattern.compile("\\d{2}-\\d{2}");
  private static final int MAX_DAYS = 250;

  private final PlanFileValidator plan;

  PlanGovernanceValidator(PlanFileValidator plan) {
    this.plan = plan;
  }

  /** {@code period}: the file's {@code plan} block (null without one), whose years a {@code years} rule defaults to. */
  void check(GovernanceEntry governance, PlanEntry period) {
    if (governance == null) {
      return;
    }
    var at = PlanFileLocation.of("governance");
    if (governance.schedule() != null) {
      checkSchedule(at.child("schedule"), steps(governance.schedule()));
    }
    if (governance.bodies() != null) {
      var bodies = at.child("bodies");
      body(bodies.child("headquarters"), governance.bodies().headquarters(), false, period);
      body(bodies.child("liaison"), governance.bodies().liaison(), false, period);
      body(bodies.child("committee"), governance.bodies().committee(), true, period);
      var liaison = governance.bodies().liaison();
      if (liaison != null && liaison.years() != null) {
        // the liaison meeting is held in every cycle that has one: a rule here would be silently ignored
        plan.errors.add(bodies.child("liaison").field("years") + ": 連絡会議（liaison）の開催年度は指定できません（毎年開催します）");
      }
    }
    if (governance.order() != null
        && plan.oneOf(at.field("order"), governance.order(), ReviewOrder.class)
        && PlanLabels.of(ReviewOrder.class, governance.order()) == ReviewOrder.REPORT_AFTER_PUBLISHING) {
      var committee = governance.bodies() == null ? null : governance.bodies().committee();
      if (committee != null && committee.kind() != null
          && PlanLabels.parse(CommitteeKind.class, committee.kind()).orElse(null) == CommitteeKind.APPROVING) {
        plan.errors.add(at.field("order") + ": 公表後に報告を受ける委員会は差し戻しできません（bodies の committee の kind を"
            + " ADVISORY にしてください）");
      }
    }
  }

  private void checkSchedule(PlanFileLocation at, Map<String, JsonNode> steps) {
    var after = new HashMap<String, String>();
    steps.forEach((name, value) -> {
      if (value == null || value.isNull()) {
        return;
      }
      var where = at.field(name);
      if (value.isTextual()) {
        monthDay(where, value.asText());
      } else if (value.isObject()) {
        var names = new HashSet<String>();
        value.fieldNames().forEachRemaining(names::add);
        names.removeAll(Set.of("businessDaysAfter", "days"));
        if (!names.isEmpty()) {
          plan.errors.add(where + ": 項目 \"" + Quoted.cut(names.iterator().next())
              + "\" は定義されていません（使える項目: businessDaysAfter, days）");
        }
        var from = value.path("businessDaysAfter");
        var days = value.path("days");
        if (!from.isTextual() || !PlanGovernance.STEPS.contains(from.asText())) {
          plan.errors.add(where + " の businessDaysAfter: \"" + (from.isMissingNode() ? "" : from.asText())
              + "\" は日程の段階ではありません（" + String.join(", ", PlanGovernance.STEPS) + " のいずれか）");
        } else if (from.asText().equals(name)) {
          plan.errors.add(where + " の businessDaysAfter: 自分自身の後には置けません");
        } else {
          after.put(name, from.asText());
        }
        if (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 0 || days.asInt() > MAX_DAYS) {
          plan.errors.add(where + " の days: 0〜" + MAX_DAYS + "の整数（営業日数）で指定してください");
        }
      } else {
        plan.errors.add(where + ": \"MM-DD\" の月日か {\"businessDaysAfter\": \"段階\", \"days\": 日数} で指定してください");
      }
    });
    for (var start : after.keySet()) {
      var seen = new HashSet<String>();
      for (var step = start; step != null; step = after.get(step)) {
        if (!seen.add(step)) {
          plan.errors.add(at.field(start) + ": businessDaysAfter が循環しています（" + String.join(" → ", seen) + "）");
          break;
        }
      }
    }
  }

  private void monthDay(String where, String text) {
    if (!MM_DD.matcher(text).matches()) {
      plan.errors.add(where + ": \"" + text + "\" は \"MM-DD\" の月日ではありません（例: \"07-01\"）");
      return;
    }
    try {
      MonthDay.parse(text, MONTH_DAY);
    } catch (DateTimeParseException e) {
      plan.errors.add(where + ": \"" + text + "\" という日付はありません");
    }
  }

  private void body(PlanFileLocation at, BodyEntry body, boolean committee, PlanEntry period) {
    if (body == null) {
      return;
    }
    plan.text(at.field("name"), body.name(), 50, true);
    if (body.kind() != null) {
      if (committee) {
        plan.oneOf(at.field("kind"), body.kind(), CommitteeKind.class);
      } else {
        plan.errors.add(at.field("kind") + ": 差戻しの有無（kind）は委員会（committee）にだけ指定できます");
      }
    }
    var years = body.years();
    if (years == null) {
      return;
    }
    var where = at.child("years");
    var hasPeriod = hasPeriod(period);
    if (years.every() != null && (years.every() < 1 || years.every() > 10)) {
      plan.errors.add(where.field("every") + ": 1〜10の整数（何年ごとに開くか）で指定してください");
    }
    if (years.from() != null) {
      plan.year(where.field("from"), years.from(), "開始年度");
      if (years.every() == null) {
        plan.errors.add(where.field("from") + ": 開始年度（from）は何年ごとに開くか（every）と一緒に指定してください");
      }
    } else if (years.every() != null && !hasPeriod) {
      plan.errors.add(where.field("from") + ": 開始年度を指定するか、plan ブロックに計画期間（firstYear, lastYear）を書いて"
          + "ください（書けば計画期間の初年度になります）");
    }
    if (years.midTermYear() != null) {
      plan.year(where.field("midTermYear"), years.midTermYear(), "中間年度");
    }
    if (years.finalYear() != null) {
      plan.year(where.field("finalYear"), years.finalYear(), "最終年度");
    }
    if (years.every() == null && years.from() == null && years.midTermYear() == null && years.finalYear() == null
        && !hasPeriod) {
      plan.errors.add(where + ": 開催年度がありません（every と from、midTermYear、finalYear のいずれかを指定するか、plan ブロックに"
          + "計画期間を書いてください）");
    }
  }

  /** A period whose years can be read: a broken one is reported at {@code plan} and gives no defaults. */
  private static boolean hasPeriod(PlanEntry period) {
    return period != null && period.firstYear() != null && period.lastYear() != null
        && period.firstYear() <= period.lastYear();
  }

  /**
   * An accepted block as stored, a {@code years} rule's left-out years filled from {@code period} (the version's
   * plan block, null without one); null for a file without the block.
   */
  static PlanGovernance view(GovernanceEntry governance, PlanEntry period) {
    if (governance == null) {
      return null;
    }
    var schedule = new LinkedHashMap<String, Step>();
    if (governance.schedule() != null) {
      steps(governance.schedule()).forEach((name, value) -> {
        if (value != null && value.isTextual()) {
          schedule.put(name, new Step(value.asText(), null, null));
        } else if (value != null && value.isObject()) {
          schedule.put(name, new Step(null, value.get("businessDaysAfter").asText(), value.get("days").asInt()));
        }
      });
    }
    var bodies = governance.bodies();
    return new PlanGovernance(schedule, bodies == null ? null : body(bodies.headquarters(), period),
        bodies == null ? null : body(bodies.liaison(), period), bodies == null ? null : body(bodies.committee(), period),
        governance.order() == null ? null : PlanLabels.of(ReviewOrder.class, governance.order()));
  }

  private static Body body(BodyEntry e, PlanEntry period) {
    if (e == null) {
      return null;
    }
    var kind = e.kind() == null ? null : PlanLabels.of(CommitteeKind.class, e.kind());
    var years = e.years();
    if (years == null) {
      return new Body(e.name().strip(), kind, null, null, null, null);
    }
    var p = hasPeriod(period) ? period : null;
    // the left-out years of the rule are the plan period's (docs/governance.md)
    Integer from = years.from() != null ? years.from() : years.every() != null && p != null ? p.firstYear() : null;
    Integer midTerm = years.midTermYear() != null ? years.midTermYear()
        : p != null ? PlanGovernance.midTermYear(p.firstYear(), p.lastYear()) : null;
    Integer last = years.finalYear() != null ? years.finalYear() : p != null ? p.lastYear() : null;
    return new Body(e.name().strip(), kind, years.every(), from, midTerm, last);
  }

  private static Map<String, JsonNode> steps(ScheduleEntry s) {
    var steps = new LinkedHashMap<String, JsonNode>();
    steps.put("aprilCheck", s.aprilCheck());
    steps.put("selfAssessmentDue", s.selfAssessmentDue());
    steps.put("julyCalculation", s.julyCalculation());
    steps.put("checkDue", s.checkDue());
    steps.put("headquartersDue", s.headquartersDue());
    steps.put("liaisonMeeting", s.liaisonMeeting());
    steps.put("committee", s.committee());
    steps.put("actionDue", s.actionDue());
    steps.put("publicationDue", s.publicationDue());
    return steps;
  }
}
