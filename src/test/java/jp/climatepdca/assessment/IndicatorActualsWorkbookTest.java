package jp.climatepdca.assessment;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.FilledWorkbook;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TestUsers;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The indicators' sheet of a department's workbook (docs/excel.md), through a real task: downloaded with last
 * year's value, filled as a person fills it in Excel (a number, a stage from the drop-down), refused cell by cell
 * when wrong with nothing changed, uploaded into the open entry task and completed through the engine; the values
 * are stored as the form stores them, graded, and in the secretariat's compiled workbook. Town 963701 (kankyo
 * enters M-01-1 and the key project's stage M-03-S; GHG comes from the inventory; M-02-1 is kotsu's), FY2031.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndicatorActualsWorkbookTest {

  private static final String TOWN = "963701";
  private static final int YEAR = 2031;
  private static final String KEY = TOWN + ":" + YEAR + ":kankyo";
  private static final String PATH = "/api/self-assessments/" + TOWN + "/" + YEAR + "/kankyo/workbook";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String SHEET = "'指標の実績'!";
  private static final String TITLE = "2031年度 自己点検・自己評価（2030年度 実施分）　環境課（kankyo）";

  @LocalServerPort
  int port;

  @Autowired
  PlanImportService plans;

  @Autowired
  PlanIndicatorService indicators;

  @Autowired
  IdentityService identity;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  JdbcTemplate db;

  private byte[] downloaded;

  @BeforeAll
  void townWithItsCycleOpen() {
    var plan = """
        {"municipality": {"code": "%s", "name": "町%s", "baseYear": 2013},
         "departments": [{"code": "kankyo", "name": "環境課"}, {"code": "kotsu", "name": "交通課"}],
         "measures": [
           {"code": "M-01", "department": "kankyo", "name": "住宅用太陽光発電の補助", "sector": "HOUSEHOLD",
            "kind": "IMPLEMENTATION"},
           {"code": "M-02", "department": "kotsu", "name": "公共交通の利用促進", "sector": "TRANSPORT",
            "kind": "IMPLEMENTATION"},
           {"code": "M-03", "department": "kankyo", "name": "省エネ診断の普及", "sector": "COMMERCIAL",
            "kind": "STUDY", "keyProject": true}],
         "indicators": [
           {"code": "M-01-1", "name": "太陽光発電の補助件数（累計）", "unit": "件", "measure": "M-01",
            "direction": "HIGHER", "baseYear": 2022, "baseValue": 100, "targets": [{"year": 2035, "value": 900}]},
           {"code": "M-03-S", "name": "省エネ診断事業の進捗", "unit": "段階", "measure": "M-03", "kind": "段階",
            "targets": [{"year": 2028, "stage": "検討中"}, {"year": 2032, "stage": "完了"}]},
           {"code": "M-02-1", "name": "バスの利用者数", "unit": "千人", "measure": "M-02", "direction": "HIGHER",
            "baseYear": 2022, "baseValue": 50, "targets": [{"year": 2035, "value": 80}]},
           {"code": "GHG", "name": "町の温室効果ガス排出量", "unit": "千t-CO2", "department": "kankyo",
            "direction": "LOWER", "source": "INVENTORY", "baseYear": 2013, "baseValue": 100,
            "targets": [{"year": 2030, "value": 60}]}]}
        """.formatted(TOWN, TOWN);
    plans.importPlan(new ByteArrayInputStream(plan.getBytes(StandardCharsets.UTF_8)));
    for (var d : List.of("kankyo", "kotsu")) {
      TestUsers.add(identity, TOWN + "-" + d + "-staff", d, "担当", GroupNames.departmentStaff(TOWN, d));
      TestUsers.add(identity, TOWN + "-" + d + "-head", d, "所属長", GroupNames.departmentHead(TOWN, d));
    }
    TestUsers.add(identity, TOWN + "-jimukyoku", "事務局", "担当", GroupNames.secretariat(TOWN));
    // last year's value, which the sheet shows beside this year's
    indicators.record(TOWN, 2029, List.of(new ActualValueInput("M-01-1", new BigDecimal("180"), "補助台帳")), "前任者");
    CycleFixture.startNow(port, runtime, management, TOWN + "-jimukyoku", TOWN, YEAR);
    new TasklistClient(port, TOWN + "-kankyo-staff").await(KEY, TASK_ENTER);
  }

  @Test
  @Order(1)
  void theSecondSheetListsTheDepartmentsTypedIndicatorsWithLockedKeys() {
    var download = Http.as(port, TOWN + "-kankyo-staff").download(PATH);
    assertThat(download.status()).isEqualTo(200);
    downloaded = download.body();
    var file = FilledWorkbook.of(downloaded);
    var sheet = file.workbook().getSheetAt(1);
    assertThat(sheet.getSheetName()).isEqualTo("指標の実績");
    assertThat(file.get(SHEET + "A1")).isEqualTo(TITLE);
    assertThat(List.of("A3", "B3", "C3", "D3", "E3", "F3", "G3", "H3", "I3").stream().map(a -> file.get(SHEET + a)))
        .containsExactly("指標コード", "指標名", "単位", "種類", "施策", "目標", "前年度までの最新の実績", "実績値", "出典");
    // kankyo's typed indicators only: not kotsu's M-02-1, not GHG (from the inventory)
    assertThat(List.of("A4", "B4", "C4", "D4", "E4", "G4", "H4").stream().map(a -> file.get(SHEET + a)))
        .containsExactly("M-01-1", "太陽光発電の補助件数（累計）", "件", "目標値に向けた推移", "M-01", "2029年度 180", "");
    assertThat(List.of("A5", "D5", "F5", "I5").stream().map(a -> file.get(SHEET + a)))
        .containsExactly("M-03-S", "段階", "検討中（2028年度〜）（目標 2028年度 検討中 / 2032年度 完了）", "自己点検・自己評価");
    assertThat(file.get(SHEET + "A6")).isEmpty();
    assertThat(sheet.getProtect()).isTrue();
    for (var column = 0; column <= 6; column++) {
      assertThat(sheet.getRow(3).getCell(column).getCellStyle().getLocked()).as("column " + column).isTrue();
    }
    assertThat(sheet.getRow(3).getCell(7).getCellStyle().getLocked()).isFalse();
    assertThat(sheet.getRow(3).getCell(8).getCellStyle().getLocked()).isFalse();
    assertThat(sheet.getRow(4).getCell(8).getCellStyle().getLocked()).as("a stage's source is fixed").isTrue();
    var lists = sheet.getDataValidations().stream()
        .filter(v -> v.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.LIST)
        .toList();
    assertThat(lists).hasSize(1);
    assertThat(lists.get(0).getValidationConstraint().getExplicitListValues())
        .containsExactly("未着手", "検討中", "実施中", "完了");
    assertThat(lists.get(0).getRegions().getCellRangeAddresses()[0].formatAsString()).isEqualTo("H5");
  }

  /** Valid answers on the first sheet, so only the indicators' cells are judged. */
  private FilledWorkbook filled() {
    return FilledWorkbook.of(downloaded).set("J4", "順調").set("K4", "補助を 120 件交付した").set("J5", "概ね順調")
        .set("K5", "事業者 15 社で診断を実施");
  }

  @Test
  @Order(2)
  void badIndicatorCellsAreRefusedNamingSheetRowAndColumnAndChangeNothing() {
    var staff = Http.as(port, TOWN + "-kankyo-staff");
    var client = new TasklistClient(port, TOWN + "-kankyo-staff");
    var entry = client.await(KEY, TASK_ENTER);
    var form = client.form(entry);
    var before = List.of(form.get("measures").toString(), form.get("indicators").toString(),
        form.get("stageIndicators").toString());

    record Bad(String name, byte[] file, List<String> messages) {}
    var bad = List.of(
        new Bad("every error of both sheets at once", filled().set("J4", "").set(SHEET + "H4", "二百")
            .set(SHEET + "H5", "ほぼ完了").bytes(), List.of("4 行目「進捗」: ▼から選んでください",
                "「指標の実績」4 行目「実績値」: 実績値は数値で入力してください（二百）",
                "「指標の実績」5 行目「実績値」: 「ほぼ完了」は選択肢（未着手・検討中・実施中・完了）にありません")),
        new Bad("negative past the column", filled().number(SHEET + "H4", -1e15).set(SHEET + "I4", "推計").bytes(),
            List.of("「指標の実績」4 行目「実績値」: 実績値は-99,999,999,999,999.999999以上で指定してください（-1000000000000000）")),
        new Bad("too many decimals", filled().number(SHEET + "H4", 12.1234567).set(SHEET + "I4", "台帳").bytes(),
            List.of("「指標の実績」4 行目「実績値」: 実績値の小数は6桁までです（12.1234567）")),
        new Bad("a value without its source", filled().number(SHEET + "H4", 230).bytes(),
            List.of("「指標の実績」4 行目「出典」: 実績値の出典を入力してください")),
        new Bad("a changed key column", filled().set(SHEET + "C4", "台").bytes(),
            List.of("「指標の実績」4 行目「単位」: 変更できない列が「台」に変わっています（指標「M-01-1」では「件」です）")),
        new Bad("another department's indicator", filled().set(SHEET + "A4", "M-02-1").bytes(), List.of(
            "「指標の実績」4 行目「指標コード」: 「M-02-1」はこの部署が実績を入力する指標ではありません",
            "「指標の実績」指標「M-01-1 太陽光発電の補助件数（累計）」の行がありません（行を消さずに入力してください）")),
        new Bad("the inventory's indicator", filled().set(SHEET + "A4", "GHG").bytes(), List.of(
            "「指標の実績」4 行目「指標コード」: 「GHG」はこの部署が実績を入力する指標ではありません",
            "「指標の実績」指標「M-01-1 太陽光発電の補助件数（累計）」の行がありません（行を消さずに入力してください）")),
        new Bad("a formula", filled().formula(SHEET + "H4", "100+130").set(SHEET + "I4", "台帳").bytes(),
            List.of("「指標の実績」4 行目「実績値」: 数式は使えません。値を入力してください")),
        new Bad("a renamed header", filled().set(SHEET + "H3", "実績").bytes(), List.of(
            "「指標の実績」3 行目「実績値」: 見出しが「実績」に変わっています（H列の見出しは「実績値」のままにしてください）")),
        new Bad("another year's sheet", filled().set(SHEET + "A1", TITLE.replace("2031年度 自己", "2030年度 自己")).bytes(),
            List.of("「指標の実績」1 行目: このタスクのファイルではありません（「" + TITLE.replace("2031年度 自己", "2030年度 自己")
                + "」）。このタスクの「" + TITLE + "」のファイルをダウンロードして入力してください")),
        new Bad("the sheet deleted", filled().removeSheet(1).bytes(), List.of(
            "2 枚目のシート「指標の実績」がありません。このタスクのファイルをダウンロードし直して入力してください")),
        new Bad("the sheet renamed", filled().renameSheet(1, "Sheet2").bytes(), List.of(
            "2 枚目のシートが「指標の実績」ではありません（「Sheet2」）。ダウンロードしたファイルのシートに入力してください")));
    for (var b : bad) {
      var response = staff.post(PATH, XLSX, b.file());
      assertThat(response.status()).as(b.name() + ": " + response).isEqualTo(400);
      var errors = new ArrayList<String>();
      response.json().path("errors").forEach(e -> errors.add(e.asText()));
      assertThat(errors).as(b.name()).containsExactlyElementsOf(b.messages());
      var now = client.form(entry);
      assertThat(List.of(now.get("measures").toString(), now.get("indicators").toString(),
          now.get("stageIndicators").toString())).as(b.name()).isEqualTo(before);
    }
    assertThat(db.queryForObject("select count(*) from indicator_actual where municipality_code = ?", Long.class, TOWN))
        .isEqualTo(1);
  }

  @Test
  @Order(3)
  void aValidFileFillsTheFormsIndicatorsAndCompletingStoresThemAsTheFormDoes() {
    var staff = Http.as(port, TOWN + "-kankyo-staff");
    var response = staff.post(PATH, XLSX, filled().number(SHEET + "H4", 230.5).set(SHEET + "I4", "補助台帳（2030年度末）")
        .set(SHEET + "H5", "実施中").bytes());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("indicators").asInt()).isEqualTo(2);
    assertThat(response.json().path("message").asText())
        .isEqualTo("2 件の施策の自己評価と 2 件の指標（実績値の入力 2 件）をフォームに反映しました。Tasklist でフォームを開き、内容を確かめてから完了してください");
    var client = new TasklistClient(port, TOWN + "-kankyo-staff");
    var entry = client.claim(KEY, TASK_ENTER);
    var form = client.form(entry);
    var numbers = TasklistClient.rows(form.get("indicators"));
    assertThat(numbers).hasSize(1);
    assertThat(numbers.get(0)).containsEntry("indicatorCode", "M-01-1").containsEntry("actualSource", "補助台帳（2030年度末）")
        .containsEntry("previousLabel", "2029年度 180");
    assertThat(new BigDecimal(numbers.get(0).get("actualValue").toString())).isEqualByComparingTo("230.5");
    assertThat(TasklistClient.rows(form.get("stageIndicators"))).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("indicatorCode", "M-03-S").containsEntry("stage", "IN_PROGRESS"));
    // nothing stored before the department completes
    assertThat(db.queryForObject("select count(*) from indicator_actual where municipality_code = ?", Long.class, TOWN))
        .isEqualTo(1);

    // the download shows what the open form holds now
    var again = FilledWorkbook.of(staff.download(PATH).body());
    assertThat(List.of(again.get(SHEET + "H4"), again.get(SHEET + "I4"), again.get(SHEET + "H5")))
        .containsExactly("230.5", "補助台帳（2030年度末）", "実施中");

    client.complete(entry, Map.of("measures", TasklistClient.rows(form.get("measures"))));
    new TasklistClient(port, TOWN + "-kankyo-head").await(KEY, TASK_HEAD_APPROVAL);
    var stored = db.queryForList("select indicator_code, value_year, actual_value, source, entered_by from indicator_actual"
        + " where municipality_code = ? and value_year = 2030 order by indicator_code", TOWN);
    assertThat(stored).extracting(r -> r.get("indicator_code"), r -> ((BigDecimal) r.get("actual_value")).stripTrailingZeros()
        .toPlainString(), r -> r.get("source"), r -> r.get("entered_by")).containsExactly(
            org.assertj.core.groups.Tuple.tuple("M-01-1", "230.5", "補助台帳（2030年度末）", TOWN + "-kankyo-staff"),
            org.assertj.core.groups.Tuple.tuple("M-03-S", "2", "自己点検・自己評価", TOWN + "-kankyo-staff"));

    // graded as any entered value, and in the secretariat's compiled workbook
    var grades = Http.as(port, TOWN + "-jimukyoku").get("/api/indicators/" + TOWN + "/" + YEAR).json();
    var byCode = new java.util.HashMap<String, String>();
    grades.path("indicators").forEach(g -> byCode.put(g.path("code").asText(), g.path("gradeLabel").asText()));
    assertThat(byCode).containsEntry("M-03-S", "順調").containsEntry("M-02-1", "データなし");
    assertThat(byCode.get("M-01-1")).isIn("順調", "遅れ");
    var compiled = FilledWorkbook.of(Http.as(port, TOWN + "-jimukyoku")
        .download("/api/self-assessments/" + TOWN + "/" + YEAR + "/workbook").body()).workbook().getSheet("指標");
    var actuals = new java.util.HashMap<String, String>();
    for (var r = 1; r <= compiled.getLastRowNum(); r++) {
      actuals.put(compiled.getRow(r).getCell(0).toString(), compiled.getRow(r).getCell(13).toString());
    }
    assertThat(actuals).containsEntry("M-03-S", "順調").containsEntry("M-02-1", "データなし");
  }

  @Test
  @Order(4)
  void strangersCannotUploadIndicators() {
    var file = filled().number(SHEET + "H4", 999).set(SHEET + "I4", "改ざん").bytes();
    for (var user : List.of(TOWN + "-kotsu-staff", TOWN + "-kankyo-head", TOWN + "-jimukyoku")) {
      assertThat(Http.as(port, user).post(PATH, XLSX, file).status()).as(user).isEqualTo(403);
    }
    assertThat(db.queryForObject("select count(*) from indicator_actual where municipality_code = ? and source = '改ざん'",
        Long.class, TOWN)).isZero();
  }
}
