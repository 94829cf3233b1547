package jp.climatepdca.area;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Plan and area files for the area tests, each built around its own codes. */
final class AreaFiles {

  private AreaFiles() {}

  /** A small member plan with one department and measures M-01 and M-02; {@code area} may be null. */
  static String town(String code, String area) {
    return """
        {"municipality": {"code": "%s", "name": "町%s"%s},
         "departments": [{"code": "kankyo", "name": "環境課"}],
         "measures": [
           {"code": "M-01", "department": "kankyo", "name": "住宅用太陽光発電の補助", "sector": "HOUSEHOLD",
            "kind": "IMPLEMENTATION"},
           {"code": "M-02", "department": "kankyo", "name": "公用車の電動化", "sector": "TRANSPORT",
            "kind": "STUDY"}]}
        """.formatted(code, code, area == null ? "" : ", \"area\": \"" + area + "\"");
  }

  /**
   * An area of the given members (the first is the lead), period 2021–2030, with two shared measures carried
   * by the first two members, one indicator and two targets.
   */
  static String area(String code, String... members) {
    var list = new StringBuilder();
    for (var m : members) {
      list.append(list.isEmpty() ? "" : ", ").append("{\"code\": \"").append(m).append("\"}");
    }
    var second = members.length > 1 ? members[1] : members[0];
    var secondRole = members.length > 1
        ? ",\n                        {\"municipality\": \"" + second + "\", \"kind\": \"STUDY\"}" : "";
    return """
        {"area": {"code": "%s", "name": "試験圏域%s", "lead": "%s", "firstYear": 2021, "lastYear": 2030,
                  "baseYear": 2013, "resultDeadline": "10-31"},
         "members": [%s],
         "measures": [
           {"code": "AM-01", "name": "再生可能エネルギーの導入拡大", "sector": "HOUSEHOLD", "keyProject": true,
            "description": "先導的事業",
            "members": [{"municipality": "%s", "kind": "IMPLEMENTATION", "measure": "M-01"}%s]},
           {"code": "AM-02", "name": "電動車の普及", "sector": "TRANSPORT", "keyProject": false,
            "members": [{"municipality": "%s", "kind": "STUDY", "measure": "M-02"}]}],
         "indicators": [
           {"code": "AGHG", "name": "圏域の温室効果ガス排出量", "unit": "千t-CO2", "direction": "LOWER",
            "baseYear": 2013, "baseValue": 500, "targetYear": 2030, "targetValue": 270}],
         "emissionTargets": [{"year": 2030, "reductionPercent": 46, "label": "2030年度 46%%削減"},
                             {"year": 2050, "reductionPercent": 100}]}
        """.formatted(code, code, members[0], list, members[0], secondRole, second);
  }

  /** The demo area file as shipped (plan/areas/demo-area.json). */
  static String demoArea() {
    try (var in = AreaFiles.class.getResourceAsStream("/plan/areas/demo-area.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
