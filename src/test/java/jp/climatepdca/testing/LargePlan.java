package jp.climatepdca.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated plan file (docs/plan-file-format.md) for a large city: departments {@code d01}, {@code d02}, …
 * each with the same number of measures {@code d01-M01}, …, of every sector, a quarter of them study
 * measures and every seventh a key project, so the forms and lists are as full as a real city's.
 */
public record LargePlan(String municipality, String name, int departments, int measuresPerDepartment,
    boolean liaisonMeeting) {

  private static final List<String> SECTORS =
      List.of("INDUSTRY", "COMMERCIAL", "HOUSEHOLD", "TRANSPORT", "WASTE", "CROSS_SECTOR");

  public List<String> departmentCodes() {
    var codes = new ArrayList<String>();
    for (var d = 1; d <= departments; d++) {
      codes.add(String.format("d%02d", d));
    }
    return codes;
  }

  public int measures() {
    return departments * measuresPerDepartment;
  }

  /** The plan file as JSON text, ready for POST /api/plans or the import service. */
  public String json() {
    return Http.write(document());
  }

  /**
   * The same plan with an indicator for every second measure ({@code d01-M02-I}, …, as a national-scale plan
   * measures about half its measures): 件, higher is better, 100 in 2020 and 200 by 2030, so that in 2025 the
   * path is 150 (160 順調, 120 遅れ, 200 達成).
   */
  public String jsonWithIndicators() {
    var document = new LinkedHashMap<String, Object>(document());
    var indicators = new ArrayList<Map<String, Object>>();
    for (var department : departmentCodes()) {
      for (var m = 2; m <= measuresPerDepartment; m += 2) {
        var measure = String.format("%s-M%02d", department, m);
        indicators.add(Map.of("code", measure + "-I", "name", "施策" + m + "の補助件数", "unit", "件",
            "measure", measure, "direction", "HIGHER", "baseYear", 2020, "baseValue", 100,
            "targets", List.of(Map.of("year", 2030, "value", 200))));
      }
    }
    document.put("indicators", indicators);
    return Http.write(document);
  }

  private Map<String, Object> document() {
    var departmentList = new ArrayList<Map<String, Object>>();
    var measureList = new ArrayList<Map<String, Object>>();
    var n = 0;
    for (var department : departmentCodes()) {
      departmentList.add(Map.of("code", department, "name", "第" + department.substring(1) + "部 第一課"));
      for (var m = 1; m <= measuresPerDepartment; m++, n++) {
        var measure = new LinkedHashMap<String, Object>();
        measure.put("code", String.format("%s-M%02d", department, m));
        measure.put("department", department);
        measure.put("name", department + " の施策" + m + "（省エネルギー設備の導入支援）");
        measure.put("sector", SECTORS.get(n % SECTORS.size()));
        measure.put("kind", n % 4 == 3 ? "STUDY" : "IMPLEMENTATION");
        measure.put("keyProject", n % 7 == 0);
        measure.put("description", "事業者・家庭への補助と普及啓発を行う。");
        measureList.add(measure);
      }
    }
    return Map.of(
        "municipality", Map.of("code", municipality, "name", name, "baseYear", 2013, "liaisonMeeting", liaisonMeeting),
        "departments", departmentList, "measures", measureList);
  }
}
