package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
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

  final List<String> errors;
  private final FileFields fields;
  /** Every department and measure code the file writes, valid or not (see {@link #missing}). */
  final Set<String> writtenDepartments = new HashSet<>();
  final Set<String> writtenMeasures = new HashSet<>();

  PlanFileValidator() {
    this(new ArrayList<>());
  }

  /** Adding to another file's list: the area file's indicators are checked as a plan file's ({@link IndicatorDefinitions}). */
  PlanFileValidator(List<String> errors) {
    this.errors = errors;
    this.fields = new FileFields(errors);
  }

  static List<String> validate(PlanDocument doc) {
    var validator = new PlanFileValidator();
    validator.check(doc);
    return validator.errors;
  }

  private void check(PlanDocument doc) {
    var m = doc.municipality();
    var municipality = PlanFileLocation.of("municipality");
    if (m == null) {
      errors.add("municipality: 自治体の情報は必須です");
    } else {
      code(municipality.field("code"), m.code(), MUNICIPALITY_CODE, "半角英数字とハイフン2〜20文字");
      text(municipality.field("name"), m.name(), 100, true);
      if (m.baseYear() != null) {
        year(municipality.field("baseYear"), m.baseYear(), "基準年度");
      }
      if (m.baseEmissions() != null) {
        nonNegative(municipality.field("baseEmissions"), m.baseEmissions(), "基準年度の排出量");
      }
    }
    Set<String> departmentCodes = new HashSet<>();
    var departments = doc.departments() == null ? List.<PlanDocument.DepartmentEntry>of() : doc.departments();
    if (departments.isEmpty()) {
      errors.add("departments: 部署を1つ以上指定してください");
    }
    for (int i = 0; i < departments.size(); i++) {
      var d = departments.get(i);
      if (d == null) {
        errors.add(PlanFileLocation.item("departments", i, null) + ": 空の要素です");
        continue;
      }
      var at = PlanFileLocation.item("departments", i, d.code());
      writtenDepartments.add(nullToEmpty(d.code()).strip());
      if (code(at.field("code"), d.code(), DEPARTMENT_CODE, "半角英小文字・数字・ハイフン2〜30文字")
          && !departmentCodes.add(d.code())) {
        errors.add(at.field("code") + ": 部署コード \"" + d.code() + "\" が重複しています");
      }
      text(at.field("name"), d.name(), 100, true);
    }
    Map<String, String> measureDepartments = new HashMap<>();
    var measures = doc.measures() == null ? List.<PlanDocument.MeasureEntry>of() : doc.measures();
    for (int i = 0; i < measures.size(); i++) {
      var e = measures.get(i);
      if (e == null) {
        errors.add(PlanFileLocation.item("measures", i, null) + ": 空の要素です");
        continue;
      }
      var at = PlanFileLocation.item("measures", i, e.code());
      writtenMeasures.add(nullToEmpty(e.code()).strip());
      if (code(at.field("code"), e.code(), MEASURE_CODE, "半角英数字・ハイフン・下線1〜30文字")
          && measureDepartments.putIfAbsent(e.code(), nullToEmpty(e.department())) != null) {
        errors.add(at.field("code") + ": 施策コード \"" + e.code() + "\" が重複しています");
      }
      if (isBlank(e.department())) {
        errors.add(at.field("department") + ": 所管部署は必須です");
      } else {
        missing(at.field("department"), "部署コード", e.department(), departmentCodes, writtenDepartments);
      }
      text(at.field("name"), e.name(), 200, true);
      oneOf(at.field("sector"), e.sector(), Sector.class);
      oneOf(at.field("kind"), e.kind(), MeasureKind.class);
      text(at.field("description"), e.description(), 2000, false);
    }
    new IndicatorEntriesValidator(this, departmentCodes, measureDepartments).check(doc);
    new PlanVersionEntriesValidator(this).check(doc);
    new PlanGovernanceValidator(this).check(doc.governance(), doc.plan());
  }

  /**
   * A department or measure a field refers to that the file does not define. A code the file does write
   * but that failed its own check (a capital letter in a department code, a duplicate) has its error at
   * its own place already: saying it is missing from the file would be wrong, so nothing is added here.
   */
  boolean missing(String location, String what, String code, Set<String> known, Set<String> written) {
    if (known.contains(code)) {
      return false;
    }
    if (!written.contains(code.strip())) {
      errors.add(location + ": " + what + " \"" + code + "\" はファイル内に存在しません");
    }
    return true;
  }

  /** A fiscal year a plan can mean. */
  boolean year(String path, Integer value, String what) {
    return fields.year(path, value, what);
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
    return fields.code(path, value, pattern, rule);
  }

  void text(String path, String value, int max, boolean required) {
    fields.text(path, value, max, required);
  }

  /** A code or its Japanese label ({@link PlanLabels}): HOUSEHOLD, 家庭部門 and 家庭 alike. */
  <E extends Enum<E>> boolean oneOf(String path, String value, Class<E> type) {
    return fields.oneOf(path, value, PlanLabels.choices(type), v -> PlanLabels.parse(type, v).isPresent());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static boolean isBlank(String s) {
    return FileFields.isBlank(s);
  }
}
