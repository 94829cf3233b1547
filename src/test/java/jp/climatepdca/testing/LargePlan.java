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
    return Http.write(Map.of(
        "municipality", Map.of("code", municipality, "name", name, "baseYear", 2013, "liaisonMeeting", liaisonMeeting),
        "departments", departmentList, "measures", measureList));
  }
}
