package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import jp.climatepdca.testing.Http;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A plan as a database from before plan versions (V13) holds it, and what the application must make of it
 * once upgraded ({@link FirstVersionFromTables}, docs/plan-versions.md): version 1 built from the tables,
 * then a revised file as version 2 with exactly its differences. The H2 and PostgreSQL tests share it.
 */
final class PreVersionPlan {

  private PreVersionPlan() {}

  /** A database as the release before plan versions left it: migrated to V13, nothing else. */
  static JdbcTemplate migrateToV13(String url, String user, String password) {
    var dataSource = new DriverManagerDataSource(url, user, password);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("13").load().migrate();
    return new JdbcTemplate(dataSource);
  }

  /** The plan's rows with the columns of V13 (indicators with one target, no kinds; no plan_version). */
  static void insertAtV13(JdbcTemplate db, String code) {
    db.update("insert into municipality (code, name, base_year, liaison_meeting, base_emissions) values (?, ?, 2013, false, 50000)",
        code, "旧版町" + code);
    db.update("insert into department (municipality_code, code, name) values (?, 'kankyo', '環境課'), (?, 'toshi', '都市計画課')",
        code, code);
    db.update("insert into measure (municipality_code, code, department_code, name, sector, kind, key_project, description,"
        + " status) values (?, 'M-01', 'kankyo', '住宅用太陽光発電の補助', 'HOUSEHOLD', 'IMPLEMENTATION', true, '補助金を交付する', 'ACTIVE'),"
        + " (?, 'M-02', 'kankyo', '省エネ家電の買替え補助', 'HOUSEHOLD', 'STUDY', false, null, 'ACTIVE'),"
        + " (?, 'M-03', 'toshi', 'コミュニティバスの運行', 'TRANSPORT', 'IMPLEMENTATION', false, null, 'ACTIVE')", code, code, code);
    db.update("insert into indicator (municipality_code, code, name, unit, measure_code, department_code, direction, base_year,"
        + " base_value, target_year, target_value) values (?, 'I-01', '太陽光発電の補助件数（累計）', '件', 'M-01', 'kankyo', 'HIGHER',"
        + " 2020, 100, 2030, 600), (?, 'I-02', '市民一人一日あたりのごみ排出量', 'g', null, null, 'LOWER', 2013, 560, 2030, 500)",
        code, code);
    db.update("insert into emission_target (municipality_code, target_year, reduction_percent, label) values (?, 2030, 46,"
        + " '2030年度 46%削減')", code);
  }

  /** The same plan's rows as the tables hold them today, without a version (a plan loaded before V14, upgraded). */
  static void insertUpgraded(JdbcTemplate db, String code) {
    insertAtV13(db, code);
    // what V15 did to the rows it found
    db.update("insert into indicator_target (indicator_id, target_year, target_value) select id, target_year, target_value"
        + " from indicator where municipality_code = ?", code);
  }

  /**
   * The secretariat's mid-term review, written as people write plan files (Japanese labels, the single
   * target): M-01 renamed, M-02 retired from 2026 and replaced by M-04, I-01's target raised, 2030 at 50 %.
   */
  static String revisedFile(String code) {
    return """
        {"plan": {"firstYear": 2021, "lastYear": 2030, "effectiveYear": 2026, "reason": "中間見直し"},
         "municipality": {"code": "@CODE@", "name": "旧版町@CODE@", "baseYear": 2013, "baseEmissions": 50000},
         "departments": [{"code": "kankyo", "name": "環境課"}, {"code": "toshi", "name": "都市計画課"}],
         "measures": [
           {"code": "M-01", "department": "kankyo", "name": "住宅用太陽光発電・蓄電池の補助", "sector": "家庭", "kind": "実施事業",
            "keyProject": true, "description": "補助金を交付する"},
           {"code": "M-02", "department": "kankyo", "name": "省エネ家電の買替え補助", "sector": "家庭部門", "kind": "検討事業",
            "retiredFrom": 2026},
           {"code": "M-03", "department": "toshi", "name": "コミュニティバスの運行", "sector": "運輸", "kind": "実施事業"},
           {"code": "M-04", "department": "kankyo", "name": "住宅の断熱改修補助", "sector": "家庭", "kind": "実施事業",
            "replaces": "M-02"}],
         "indicators": [
           {"code": "I-01", "name": "太陽光発電の補助件数（累計）", "unit": "件", "measure": "M-01", "direction": "高いほど良い",
            "baseYear": 2020, "baseValue": 100, "targetYear": 2030, "targetValue": 1000},
           {"code": "I-02", "name": "市民一人一日あたりのごみ排出量", "unit": "g", "direction": "低いほど良い", "baseYear": 2013,
            "baseValue": 560, "targets": [{"year": 2030, "value": 500}]}],
         "emissionTargets": [{"year": 2030, "reductionPercent": 50, "label": "2030年度 50%削減"}]}
        """.replace("@CODE@", code);
  }

  /**
   * Version 1 built from the tables at the start ({@code startedBefore} ≤ its time), listed by the API; the
   * revised file becomes version 2, and the difference is the revision's and nothing else (labels against
   * codes, one target written two ways, a department its measure gives are no change).
   */
  static void assertVersionOneThenRevision(int port, String user, String code, Instant startedBefore) {
    var api = Http.as(port, user);
    var versions = api.get("/api/plans/" + code + "/versions");
    assertThat(versions.status()).as(versions.toString()).isEqualTo(200);
    var one = versions.json();
    assertThat(one).hasSize(1);
    assertThat(one.get(0).path("number").asInt()).isEqualTo(1);
    assertThat(one.get(0).path("reason").asText()).isEqualTo("ESTABLISHED");
    assertThat(one.get(0).path("reasonLabel").asText()).isEqualTo("策定");
    assertThat(one.get(0).path("loadedBy").asText()).isEqualTo("system");
    assertThat(one.get(0).path("effectiveYear").isNull()).isTrue();
    assertThat(one.get(0).path("inForceLabel").asText()).isEqualTo("全年度");
    assertThat(Instant.parse(one.get(0).path("loadedAt").asText())).isAfterOrEqualTo(startedBefore.minusSeconds(1));
    // the cycle of 2026 reviews 2025: version 1, the tables' target
    assertThat(target(api, code, 2026)).isEqualTo("600");

    var loaded = api.post("/api/plans", "application/json", revisedFile(code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    assertThat(loaded.json().path("version").asInt()).isEqualTo(2);
    assertThat(loaded.json().path("versionCreated").asBoolean()).isTrue();
    var both = api.get("/api/plans/" + code + "/versions").json();
    assertThat(both.findValuesAsText("reason")).containsExactly("ESTABLISHED", "MIDTERM_REVIEW");
    assertThat(both.findValuesAsText("inForceLabel")).containsExactly("〜2025年度", "2026年度〜");

    var diff = api.get("/api/plans/" + code + "/versions/1/diff/2").json();
    var measures = diff.path("measures");
    assertThat(measures.path("added").findValuesAsText("code")).containsExactly("M-04");
    assertThat(measures.path("changed").toString()).isEqualTo("[{\"code\":\"M-01\",\"name\":\"住宅用太陽光発電・蓄電池の補助\","
        + "\"changes\":[{\"field\":\"name\",\"before\":\"住宅用太陽光発電の補助\",\"after\":\"住宅用太陽光発電・蓄電池の補助\"}]}]");
    assertThat(measures.path("retired").toString())
        .isEqualTo("[{\"code\":\"M-02\",\"name\":\"省エネ家電の買替え補助\",\"retiredFrom\":2026}]");
    assertThat(measures.path("replaced").findValuesAsText("by")).containsExactly("M-04");
    var indicators = diff.path("indicators");
    assertThat(indicators.path("added")).isEmpty();
    assertThat(indicators.path("changed").toString()).isEqualTo("[{\"code\":\"I-01\",\"name\":\"太陽光発電の補助件数（累計）\","
        + "\"changes\":[{\"field\":\"targetValue\",\"before\":\"600\",\"after\":\"1000\"}]}]");
    assertThat(indicators.path("retired")).isEmpty();
    assertThat(diff.path("targets").path("changed").toString()).isEqualTo("[{\"code\":\"2030\",\"name\":\"2030年度 50%削減\","
        + "\"changes\":[{\"field\":\"reductionPercent\",\"before\":\"46\",\"after\":\"50\"},"
        + "{\"field\":\"label\",\"before\":\"2030年度 46%削減\",\"after\":\"2030年度 50%削減\"}]}]");
    // 2025 keeps version 1; 2026 on is graded against version 2
    assertThat(target(api, code, 2026)).isEqualTo("600");
    assertThat(target(api, code, 2027)).isEqualTo("1000");
  }

  private static String target(Http api, String code, int fiscalYear) {
    var response = api.get("/api/indicators/" + code + "/" + fiscalYear);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode rows = response.json().path("indicators");
    for (var row : rows) {
      if (row.path("code").asText().equals("I-01")) {
        return row.path("targetValue").decimalValue().stripTrailingZeros().toPlainString();
      }
    }
    throw new AssertionError("I-01 not in " + response);
  }

  static List<Integer> versionNumbers(JdbcTemplate db, String code) {
    return db.queryForList("select number from plan_version where municipality_code = ? order by number", Integer.class,
        code);
  }
}
