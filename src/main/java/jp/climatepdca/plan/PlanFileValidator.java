package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.climatepdca.system.NumberField;

/** Collects every problem of a plan file, each naming its field, so one upload shows them all. */
final class PlanFileValidator {

  private static final Pattern MUNICIPALITY_CODE = Pattern.compile("[A-Za-z0-9-]{2,20}");
  private static final Pattern DEPARTMENT_CODE = Pattern.compile("[a-z0-9-]{2,30}");
  static final Pattern MEASURE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,30}");

  /** numeric(20, 6), t-CO2: no negative emissions. */
  static final NumberField BASE_EMISSIONS = NumberField.below("0", "1e14", 6);

  final List<String> errors = new ArrayList<>();

  static List<String> validate(PlanDocument doc) {
    var validator = new PlanFileValidator();
    validator.check(doc);
    return validator.errors;
  }

  private void check(PlanDocument doc) {
    var m = doc.municipality();
    if (m == null) {
      errors.add("municipality: 自治体の情報は必須です");
    } else {
      code("municipality.code", m.code(), MUNICIPALITY_CODE, "半角英数字とハイフン2〜20文字");
      text("municipality.name", m.name(), 100, true);
      if (m.baseYear() != null) {
        year("municipality.baseYear", m.baseYear(), "基準年度");
      }
      if (m.baseEmissions() != null) {
        nonNegative("municipality.baseEmissions", m.baseEmissions(), "基準年度の排出量");
      }
    }
    Set<String> departmentCodes = new HashSet<>();
    var departments = doc.departments() == null ? List.<PlanDocument.DepartmentEntry>of() : doc.departments();
    if (departments.isEmpty()) {
      errors.add("departments: 部署を1つ以上指定してください");
    }
    for (int i = 0; i < departments.size(); i++) {
      var d = departments.get(i);
      var path = "departments[" + i + "]";
      if (d == null) {
        errors.add(path + ": 空の要素です");
        continue;
      }
      if (code(path + ".code", d.code(), DEPARTMENT_CODE, "半角英小文字・数字・ハイフン2〜30文字")
          && !departmentCodes.add(d.code())) {
        errors.add(path + ".code: 部署コード \"" + d.code() + "\" が重複しています");
      }
      text(path + ".name", d.name(), 100, true);
    }
    Map<String, String> measureDepartments = new HashMap<>();
    var measures = doc.measures() == null ? List.<PlanDocument.MeasureEntry>of() : doc.measures();
    for (int i = 0; i < measures.size(); i++) {
      var e = measures.get(i);
      var path = "measures[" + i + "]";
      if (e == null) {
        errors.add(path + ": 空の要素です");
        continue;
      }
      if (code(path + ".code", e.code(), MEASURE_CODE, "半角英数字・ハイフン・下線1〜30文字")
          && measureDepartments.putIfAbsent(e.code(), nullToEmpty(e.department())) != null) {
        errors.add(path + ".code: 施策コード \"" + e.code() + "\" が重複しています");
      }
      if (isBlank(e.department())) {
        errors.add(path + ".department: 所管部署は必須です");
      } else if (!departmentCodes.contains(e.department())) {
        errors.add(path + ".department: 部署コード \"" + e.department() + "\" はファイル内に存在しません");
      }
      text(path + ".name", e.name(), 200, true);
      oneOf(path + ".sector", e.sector(), Sector.class);
      oneOf(path + ".kind", e.kind(), MeasureKind.class);
      text(path + ".description", e.description(), 2000, false);
    }
    new IndicatorEntriesValidator(this, departmentCodes, measureDepartments).check(doc);
    new PlanVersionEntriesValidator(this).check(doc);
  }

  /** A fiscal year a plan can mean. */
  boolean year(String path, Integer value, String what) {
    if (value == null) {
      errors.add(path + ": 必須です");
      return false;
    }
    if (value < 1990 || value > 2100) {
      errors.add(path + ": " + what + "は1990〜2100の範囲で指定してください（" + value + "）");
      return false;
    }
    return true;
  }

  boolean decimal(String path, BigDecimal value, String what) {
    if (value == null) {
      errors.add(path + ": 必須です");
      return false;
    }
    return ActualValueCheck.number(value, path + ": " + what, errors);
  }

  void nonNegative(String path, BigDecimal value, String what) {
    BASE_EMISSIONS.check(value, path + ": " + what, errors);
  }

  boolean code(String path, String value, Pattern pattern, String rule) {
    if (isBlank(value)) {
      errors.add(path + ": 必須です");
      return false;
    }
    if (!pattern.matcher(value).matches()) {
      errors.add(path + ": \"" + value + "\" は使えません（" + rule + "）");
      return false;
    }
    return true;
  }

  void text(String path, String value, int max, boolean required) {
    if (isBlank(value)) {
      if (required) {
        errors.add(path + ": 必須です");
      }
    } else if (value.length() > max) {
      errors.add(path + ": " + max + "文字以内で入力してください（" + value.length() + "文字）");
    }
  }

  <E extends Enum<E>> boolean oneOf(String path, String value, Class<E> type) {
    var allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    if (isBlank(value)) {
      errors.add(path + ": 必須です（" + String.join(", ", allowed) + "）");
      return false;
    } else if (!allowed.contains(value)) {
      errors.add(path + ": \"" + value + "\" は使えません（" + String.join(", ", allowed) + " のいずれか）");
      return false;
    }
    return true;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
