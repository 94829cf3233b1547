package jp.climatepdca.area;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.climatepdca.plan.FileFields;
import jp.climatepdca.plan.IndicatorDefinitions;
import jp.climatepdca.plan.MeasureKind;
import jp.climatepdca.plan.Sector;
import jp.climatepdca.system.NumberField;

/**
 * Every problem of an area file at once, each naming its place as a person finds it in the file
 * ({@code members の 3 件目 (999102)}: one-based, with the entry's code). Checks the file against itself and
 * against what is loaded ({@link Loaded}): the members' plans, their measures, the other areas.
 */
final class AreaFileValidator {

  /** Area and municipality codes share one namespace and one pattern. */
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{2,20}");
  private static final Pattern MEASURE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,30}");
  private static final Pattern DEADLINE = Pattern.compile("\\d\\d-\\d\\d");
  private static final NumberField PERCENT = NumberField.between("0", "100", 2);
  static final int MAX_MEMBERS = 200;
  static final int MAX_MEASURES = 1000;
  static final int MAX_INDICATORS = 1000;
  static final int MAX_TARGETS = 50;

  /** What the database knows that the file is checked against. */
  interface Loaded {

    boolean isMunicipality(String code);

    /** The measure codes of a member's plan. */
    Set<String> measures(String municipality);

    /** The areas other than {@code area} the municipality belongs to. */
    List<AreaView> otherAreas(String municipality, String area);

    /** The area the municipality's own plan names (municipality.area), if any. */
    java.util.Optional<String> namedArea(String municipality);

    /** The municipalities whose plans name the area. */
    List<String> naming(String area);
  }

  private final Loaded loaded;
  private final Predicate<String> mayEnlist;
  private final List<String> errors = new ArrayList<>();
  private final FileFields fields = new FileFields(errors);

  private AreaFileValidator(Loaded loaded, Predicate<String> mayEnlist) {
    this.loaded = loaded;
    this.mayEnlist = mayEnlist;
  }

  /**
   * {@code mayEnlist} answers whether the person loading the file manages a municipality (an administrator
   * manages every one): only then may the file list it as a member without the municipality's own plan
   * naming the area, so one town's secretariat cannot enlist another town into an area it never joined.
   */
  static List<String> validate(AreaDocument doc, Loaded loaded, Predicate<String> mayEnlist) {
    var validator = new AreaFileValidator(loaded, mayEnlist);
    validator.check(doc);
    return validator.errors;
  }

  private void check(AreaDocument doc) {
    var a = doc.area();
    var headOk = false;
    if (a == null) {
      errors.add("area: 圏域の情報は必須です");
    } else {
      headOk = head(a);
    }
    var members = members(doc, a, headOk);
    var measureCodes = measures(doc, members);
    indicators(doc, measureCodes);
    targets(doc, a == null || a.baseYear() == null ? null : a.baseYear());
  }

  private boolean head(AreaDocument.AreaEntry a) {
    var ok = code("area.code", a.code(), CODE, "半角英数字とハイフン2〜20文字");
    if (ok && loaded.isMunicipality(a.code())) {
      errors.add("area.code: \"" + a.code() + "\" は自治体コードとして登録されています。圏域には自治体と重ならないコードを付けてください");
      ok = false;
    }
    text("area.name", a.name(), 100, true);
    code("area.lead", a.lead(), CODE, "構成自治体のコード");
    var years = year("area.firstYear", a.firstYear(), "計画期間の初年度") & year("area.lastYear", a.lastYear(), "計画期間の最終年度");
    if (years && a.lastYear() < a.firstYear()) {
      errors.add("area.lastYear: 最終年度（" + a.lastYear() + "）が初年度（" + a.firstYear() + "）より前です");
      ok = false;
    }
    if (year("area.baseYear", a.baseYear(), "基準年度") && a.firstYear() != null && a.baseYear() > a.firstYear()) {
      errors.add("area.baseYear: 基準年度（" + a.baseYear() + "）は計画期間の初年度（" + a.firstYear() + "）以前にしてください");
    }
    deadline(a.resultDeadline());
    return ok && years;
  }

  /** MM-DD, a day that exists (02-29 is allowed: it exists in leap years). */
  private void deadline(String value) {
    if (isBlank(value)) {
      errors.add("area.resultDeadline: 必須です（MM-DD、例 10-31）");
      return;
    }
    var valid = DEADLINE.matcher(value).matches();
    if (valid) {
      try {
        MonthDay.parse("--" + value);
      } catch (DateTimeException e) {
        valid = false;
      }
    }
    if (!valid) {
      errors.add("area.resultDeadline: \"" + shown(value) + "\" は日付として使えません（MM-DD、例 10-31）");
    }
  }

  /**
   * The members in file order; the codes named, for the measures' references. A member is checked against
   * the other areas only when the head ({@code headOk}: code and period) is sound.
   */
  private Set<String> members(AreaDocument doc, AreaDocument.AreaEntry area, boolean headOk) {
    var list = doc.memberList();
    Map<String, Integer> seen = new HashMap<>();
    if (list.isEmpty()) {
      errors.add("members: 構成自治体を1つ以上指定してください");
    } else if (list.size() > MAX_MEMBERS) {
      errors.add("members: 構成自治体は" + MAX_MEMBERS + "件までです（" + list.size() + "件）");
      return Set.of();
    }
    for (int i = 0; i < list.size(); i++) {
      var m = list.get(i);
      var place = item("members", i, m == null ? null : m.code());
      if (m == null) {
        errors.add(place + ": 空の要素です");
        continue;
      }
      if (!code(place + " の code", m.code(), CODE, "半角英数字とハイフン2〜20文字")) {
        continue;
      }
      var first = seen.putIfAbsent(m.code(), i);
      if (first != null) {
        errors.add(place + ": " + (first + 1) + " 件目と重複しています");
      } else if (!loaded.isMunicipality(m.code())) {
        errors.add(place + ": 自治体 \"" + m.code() + "\" の計画が登録されていません。構成自治体の計画データファイルを先に読み込んでください");
      } else if (headOk) {
        member(place, m.code(), area);
      }
    }
    if (area != null && !isBlank(area.lead()) && CODE.matcher(area.lead()).matches() && !seen.containsKey(area.lead())) {
      errors.add("area.lead: 代表自治体 \"" + area.lead() + "\" が members にありません");
    }
    if (headOk) {
      for (var naming : loaded.naming(area.code())) {
        if (!seen.containsKey(naming)) {
          errors.add("members: 自治体 \"" + naming + "\" の計画はこの圏域（" + area.code()
              + "）に属すると書いていますが、members にありません");
        }
      }
    }
    return seen.keySet();
  }

  /** A member's own plan and its other areas agree with this area. */
  private void member(String place, String municipality, AreaDocument.AreaEntry area) {
    var named = loaded.namedArea(municipality);
    if (named.isPresent() && !named.get().equals(area.code())) {
      errors.add(place + ": 自治体 \"" + municipality + "\" の計画は別の圏域 \"" + named.get() + "\" に属すると書いています");
    } else if (named.isEmpty() && !mayEnlist.test(municipality)) {
      errors.add(place + ": 自治体 \"" + municipality + "\" の計画（municipality.area）がこの圏域（" + area.code()
          + "）を名乗っていません。その自治体が計画に圏域を書いて読み込むか、管理者が圏域計画を読み込んでください");
    }
    for (var other : loaded.otherAreas(municipality, area.code())) {
      if (other.firstYear() <= area.lastYear() && area.firstYear() <= other.lastYear()) {
        errors.add(place + ": 自治体 \"" + municipality + "\" は圏域 \"" + other.code() + "\"（" + other.firstYear() + "〜"
            + other.lastYear() + "年度）の構成自治体です。計画期間が重なる2つの圏域には属せません");
      }
    }
  }

  private Set<String> measures(AreaDocument doc, Set<String> members) {
    var list = doc.measureList();
    Set<String> codes = new HashSet<>();
    if (list.size() > MAX_MEASURES) {
      errors.add("measures: 施策は" + MAX_MEASURES + "件までです（" + list.size() + "件）");
      return codes;
    }
    for (int i = 0; i < list.size(); i++) {
      var e = list.get(i);
      var place = item("measures", i, e == null ? null : e.code());
      if (e == null) {
        errors.add(place + ": 空の要素です");
        continue;
      }
      if (code(place + " の code", e.code(), MEASURE_CODE, "半角英数字・ハイフン・下線1〜30文字") && !codes.add(e.code())) {
        errors.add(place + " の code: 施策コード \"" + e.code() + "\" が重複しています");
      }
      text(place + " の name", e.name(), 200, true);
      oneOf(place + " の sector", e.sector(), Sector.class);
      text(place + " の description", e.description(), 2000, false);
      roles(place, e.members(), members);
    }
    return codes;
  }

  /** Who carries a shared measure: members of this area, once each, with a measure their plan has. */
  private void roles(String measurePlace, List<AreaDocument.RoleEntry> roles, Set<String> members) {
    var list = roles == null ? List.<AreaDocument.RoleEntry>of() : roles;
    if (list.size() > MAX_MEMBERS) {
      errors.add(measurePlace + " の members: " + MAX_MEMBERS + "件までです（" + list.size() + "件）");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < list.size(); j++) {
      var r = list.get(j);
      var place = measurePlace + " の " + item("members", j, r == null ? null : r.municipality());
      if (r == null) {
        errors.add(place + ": 空の要素です");
        continue;
      }
      oneOf(place + " の kind", r.kind(), MeasureKind.class);
      if (!code(place + " の municipality", r.municipality(), CODE, "構成自治体のコード")) {
        continue;
      }
      if (!seen.add(r.municipality())) {
        errors.add(place + ": 同じ自治体が2回書かれています");
      } else if (!members.contains(r.municipality())) {
        errors.add(place + ": 自治体 \"" + r.municipality() + "\" はこの圏域の members にありません");
      } else if (r.measure() != null && !loaded.measures(r.municipality()).contains(r.measure())) {
        errors.add(place + " の measure: 自治体 \"" + r.municipality() + "\" の計画に施策コード \"" + shown(r.measure())
            + "\" はありません");
      }
    }
  }

  private void indicators(AreaDocument doc, Set<String> measureCodes) {
    var list = doc.indicatorList();
    if (list.size() > MAX_INDICATORS) {
      errors.add("indicators: 指標は" + MAX_INDICATORS + "件までです（" + list.size() + "件）");
      return;
    }
    // the same fields, kinds and messages as a plan file's indicators; what they may refer to is the area's own
    IndicatorDefinitions.check(list, errors);
    for (int i = 0; i < list.size(); i++) {
      var e = list.get(i);
      if (e == null) {
        continue;
      }
      var place = item("indicators", i, e.code());
      if (e.measure() != null && !measureCodes.contains(e.measure())) {
        errors.add(place + " の measure: 施策コード \"" + shown(e.measure()) + "\" はこのファイルの measures にありません");
      }
      notInArea(place + " の department", e.department(), "部署はありません（実績値は圏域の取りまとめから求めます）");
      notInArea(place + " の retiredFrom", e.retiredFrom(), "版の管理はありません（ファイルから外すと指標がなくなります）");
      notInArea(place + " の replaces", e.replaces(), "版の管理はありません（ファイルから外すと指標がなくなります）");
    }
  }

  /** A plan file's field that an area file has no use for. */
  private void notInArea(String place, Object value, String why) {
    if (value != null) {
      errors.add(place + ": 圏域計画の指標には指定できません。圏域計画には" + why);
    }
  }

  private void targets(AreaDocument doc, Integer baseYear) {
    var list = doc.targetList();
    if (list.size() > MAX_TARGETS) {
      errors.add("emissionTargets: 削減目標は" + MAX_TARGETS + "件までです（" + list.size() + "件）");
      return;
    }
    Set<Integer> years = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      var t = list.get(i);
      var place = item("emissionTargets", i, t == null || t.year() == null ? null : t.year().toString());
      if (t == null) {
        errors.add(place + ": 空の要素です");
        continue;
      }
      if (year(place + " の year", t.year(), "目標年度")) {
        if (baseYear != null && t.year() <= baseYear) {
          errors.add(place + " の year: 目標年度は基準年度（" + baseYear + "）より後にしてください（" + t.year() + "）");
        } else if (!years.add(t.year())) {
          errors.add(place + " の year: " + t.year() + "年度の目標が重複しています");
        }
      }
      if (t.reductionPercent() == null) {
        errors.add(place + " の reductionPercent: 必須です");
      } else {
        PERCENT.check(t.reductionPercent(), place + " の reductionPercent: 削減率（%）", errors);
      }
      text(place + " の label", t.label(), 100, false);
    }
  }

  /** {@code members の 3 件目 (999102)}: one-based, with the entry's code when it has one. */
  static String item(String list, int index, String code) {
    return list + " の " + (index + 1) + " 件目" + (isBlank(code) ? "" : " (" + shown(code) + ")");
  }

  private boolean year(String place, Integer value, String what) {
    return fields.year(place, value, what);
  }

  private boolean code(String place, String value, Pattern pattern, String rule) {
    return fields.code(place, value, pattern, rule);
  }

  private void text(String place, String value, int max, boolean required) {
    fields.text(place, value, max, required);
  }

  /** The enum's names only: the area file takes no Japanese labels. */
  private <E extends Enum<E>> boolean oneOf(String place, String value, Class<E> type) {
    var names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    return fields.oneOf(place, value, String.join(", ", names), names::contains);
  }

  private static String shown(String value) {
    return FileFields.shown(value);
  }

  private static boolean isBlank(String s) {
    return FileFields.isBlank(s);
  }
}
