package jp.climatepdca.assessment;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.FilledWorkbook;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TasklistPage;
import jp.climatepdca.testing.TestUsers;
import jp.climatepdca.testing.WebappSession;
import jp.climatepdca.testing.Workbook;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
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
 * The Excel round trip through a real task (docs/excel.md): a department downloads its self-assessment, fills
 * it with POI as a person fills it in Excel, uploads it into its open entry task, and completes the task through
 * the engine with the form as the upload filled it; bad files are refused row by row and change nothing; another
 * town's or department's people are refused; the secretariat's compiled workbook holds every department.
 * Town 961701 (departments kankyo and kotsu), town 961702 for the stranger; fiscal year 2031.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelfAssessmentWorkbookTest {

  private static final String TOWN = "961701";
  private static final String OTHER_TOWN = "961702";
  private static final int YEAR = 2031;
  private static final String KEY = TOWN + ":" + YEAR + ":kankyo";
  private static final String PATH = "/api/self-assessments/" + TOWN + "/" + YEAR + "/kankyo/workbook";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @LocalServerPort
  int port;

  @Autowired
  PlanImportService plans;

  @Autowired
  IdentityService identity;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  SelfAssessmentService assessments;

  @Autowired
  JdbcTemplate db;

  private static final String UPLOAD = "自己点検・自己評価の Excel ファイルを登録";

  private byte[] downloaded;
  private org.openqa.selenium.WebDriver browser;

  @BeforeAll
  void townWithItsCycleOpen() {
    town(TOWN);
    town(OTHER_TOWN);
    // last year's answers of kankyo, which the workbook shows beside this year's
    assessments.save(TOWN, YEAR - 1, "kankyo", List.of(new AssessmentInput("M-01", Progress.DELAYED,
        "補助申請が想定の半分だった", "周知不足", "広報を強化する")), "前任者");
    CycleFixture.startNow(port, runtime, management, TOWN + "-jimukyoku", TOWN, YEAR);
    new TasklistClient(port, TOWN + "-kankyo-staff").await(KEY, TASK_ENTER);
  }

  private void town(String code) {
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
            "direction": "HIGHER", "baseYear": 2022, "baseValue": 100, "targetYear": 2035, "targetValue": 900}]}
        """.formatted(code, code);
    plans.importPlan(new ByteArrayInputStream(plan.getBytes(StandardCharsets.UTF_8)));
    for (var d : List.of("kankyo", "kotsu")) {
      TestUsers.add(identity, code + "-" + d + "-staff", d, "担当", GroupNames.departmentStaff(code, d));
      TestUsers.add(identity, code + "-" + d + "-head", d, "所属長", GroupNames.departmentHead(code, d));
    }
    TestUsers.add(identity, code + "-jimukyoku", "事務局", "担当", GroupNames.secretariat(code));
  }

  @Test
  @Order(1)
  void theDepartmentDownloadsItsMeasuresWithLastYearsAnswersDropDownsAndLockedKeys() {
    var download = Http.as(port, TOWN + "-kankyo-staff").download(PATH);

    assertThat(download.status()).isEqualTo(200);
    assertThat(download.contentType()).isEqualTo(XLSX);
    assertThat(download.disposition()).startsWith("attachment;").contains("filename*=UTF-8''2031");
    downloaded = download.body();
    var file = FilledWorkbook.of(downloaded);
    var sheet = file.sheet();
    assertThat(sheet.getSheetName()).isEqualTo("自己点検・自己評価");
    assertThat(file.get("A1")).isEqualTo("2031年度 自己点検・自己評価（2030年度 実施分）　環境課（kankyo）");
    assertThat(List.of(file.get("A3"), file.get("B3"), file.get("F3"), file.get("J3"), file.get("K3"), file.get("M3")))
        .containsExactly("施策コード", "施策名", "前年度の進捗", "進捗", "取組実績", "今後の方向性");
    // the department's measures only (M-02 is kotsu's), last year's answers beside M-01
    assertThat(List.of(file.get("A4"), file.get("B4"), file.get("F4"), file.get("G4"), file.get("I4")))
        .containsExactly("M-01", "住宅用太陽光発電の補助", "遅れ", "補助申請が想定の半分だった", "広報を強化する");
    assertThat(List.of(file.get("A5"), file.get("C5"), file.get("D5"), file.get("F5")))
        .containsExactly("M-03", "検討事業", "重点", "");
    assertThat(file.get("A6")).isEmpty();
    // protected: the keys locked, only the answers open
    assertThat(sheet.getProtect()).isTrue();
    assertThat(sheet.getRow(3).getCell(0).getCellStyle().getLocked()).isTrue();
    assertThat(sheet.getRow(3).getCell(5).getCellStyle().getLocked()).isTrue();
    for (var column = 9; column <= 12; column++) {
      assertThat(sheet.getRow(3).getCell(column).getCellStyle().getLocked()).as("column " + column).isFalse();
    }
    // 進捗 is a drop-down of the Japanese labels over the measures' rows
    var lists = sheet.getDataValidations().stream()
        .filter(v -> v.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.LIST)
        .toList();
    assertThat(lists).hasSize(1);
    assertThat(lists.get(0).getValidationConstraint().getExplicitListValues())
        .containsExactly("完了", "順調", "概ね順調", "遅れ", "未着手");
    assertThat(lists.get(0).getRegions().getCellRangeAddresses()[0].formatAsString()).isEqualTo("J4:J5");
  }

  @Test
  @Order(2)
  void badFilesAreRefusedNamingRowAndColumnAndChangeNothing() {
    var staff = Http.as(port, TOWN + "-kankyo-staff");
    var client = new TasklistClient(port, TOWN + "-kankyo-staff");
    var entry = client.await(KEY, TASK_ENTER);
    var before = client.form(entry).get("measures").toString();

    record Bad(String name, byte[] file, List<String> messages) {}
    var bad = List.of(
        new Bad("every error of every row at once", filled().set("J4", "すこし遅れ").set("K5", "").set("L5", "長".repeat(4001))
            .bytes(), List.of("4 行目「進捗」: 「すこし遅れ」は選択肢（完了・順調・概ね順調・遅れ・未着手）にありません",
                "5 行目「取組実績」: 入力してください", "5 行目「課題」: 4000文字以内で入力してください（4001文字）")),
        new Bad("a zip bomb", new Workbook().inflatingSheet("worksheets/sheet1.xml", 256L << 20).bytes(),
            List.of("Excel ファイルの内容が大きすぎます（xl/worksheets/sheet1.xml が 64 MB を超えています）")),
        new Bad("another sheet first", filled().renameSheet("Sheet1").bytes(),
            List.of("最初のシートが「自己点検・自己評価」ではありません（「Sheet1」）。ダウンロードしたファイルのシートに入力してください")),
        new Bad("a changed key column", filled().set("B4", "住宅用太陽光発電の補助（拡充）").bytes(),
            List.of("4 行目「施策名」: 変更できない列が「住宅用太陽光発電の補助（拡充）」に変わっています（施策「M-01」では「住宅用太陽光発電の補助」です）")),
        new Bad("an unknown measure code", filled().set("A5", "M-99").bytes(), List.of(
            "5 行目「施策コード」: 「M-99」はこの部署のこの年度の施策ではありません",
            "施策「M-03 省エネ診断の普及」の行がありません（行を消さずに入力してください）")),
        new Bad("another department's measure", filled().set("A5", "M-02").set("B5", "公共交通の利用促進").bytes(),
            List.of("5 行目「施策コード」: 「M-02」はこの部署のこの年度の施策ではありません",
                "施策「M-03 省エネ診断の普及」の行がありません（行を消さずに入力してください）")),
        new Bad("a formula", filled().formula("K4", "CONCATENATE(\"実施\",\"済み\")").bytes(),
            List.of("4 行目「取組実績」: 数式は使えません。値を入力してください")),
        new Bad("a measure twice", filled().set("A5", "M-01").set("B5", "住宅用太陽光発電の補助").set("C5", "実施事業")
            .set("D5", "").bytes(), List.of("5 行目「施策コード」: 施策「M-01」は 4 行目にもあります",
                "施策「M-03 省エネ診断の普及」の行がありません（行を消さずに入力してください）")),
        new Bad("a renamed header", filled().set("K3", "実績").bytes(),
            List.of("3 行目「取組実績」: 見出しが「実績」に変わっています（K列の見出しは「取組実績」のままにしてください）")),
        new Bad("last year's file", filled().set("A1", "2030年度 自己点検・自己評価（2029年度 実施分）　環境課（kankyo）")
            .bytes(), List.of("1 行目: このタスクのファイルではありません（「2030年度 自己点検・自己評価（2029年度 実施分）　環境課（kankyo）」）。"
                + "このタスクの「2031年度 自己点検・自己評価（2030年度 実施分）　環境課（kankyo）」のファイルをダウンロードして入力してください")),
        new Bad("no Excel at all", "部門,活動量\n".getBytes(StandardCharsets.UTF_8),
            List.of("Excel ファイル（.xlsx）として読めません（ブックの情報 xl/workbook.xml がありません）")));
    for (var b : bad) {
      var response = staff.post(PATH, XLSX, b.file());
      assertThat(response.status()).as(b.name() + ": " + response).isEqualTo(400);
      assertThat(response.json().path("detail").asText()).as(b.name()).startsWith("Excel ファイルを取り込めません（何も反映していません）");
      var errors = new ArrayList<String>();
      response.json().path("errors").forEach(e -> errors.add(e.asText()));
      assertThat(errors).as(b.name()).containsExactlyElementsOf(b.messages());
      assertThat(client.form(entry).get("measures").toString()).as(b.name()).isEqualTo(before);
    }
    // the same check for the file as the part "file" of a browser's form post
    var multipart = staff.post(PATH, "multipart/form-data; boundary=xlsx", multipart(filled().set("J5", "").bytes()));
    assertThat(multipart.status()).as(multipart.toString()).isEqualTo(400);
    assertThat(multipart.json().path("errors").toString()).contains("5 行目「進捗」: ▼から選んでください");
    assertThat(client.form(entry).get("measures").toString()).isEqualTo(before);
  }

  private static byte[] multipart(byte[] file) {
    var out = new java.io.ByteArrayOutputStream();
    out.writeBytes(("--xlsx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kankyo.xlsx\"\r\nContent-Type: "
        + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes("\r\n--xlsx--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The downloaded file with valid answers for both measures. */
  private FilledWorkbook filled() {
    return FilledWorkbook.of(downloaded).set("J4", "順調").set("K4", "補助を 120 件交付した\n説明会を 3 回開催")
        .set("L4", "申請手続が煩雑").set("J5", "概ね順調").set("K5", "事業者 15 社で診断を実施");
  }

  @Test
  @Order(3)
  void strangersAreRefused() {
    var file = filled().bytes();
    // another town's staff of a department of the same code, the town's other department, the head, nobody
    for (var user : List.of(OTHER_TOWN + "-kankyo-staff", TOWN + "-kotsu-staff", TOWN + "-kankyo-head",
        TOWN + "-jimukyoku")) {
      var response = Http.as(port, user).post(PATH, XLSX, file);
      assertThat(response.status()).as(user + ": " + response).isEqualTo(403);
    }
    assertThat(Http.as(port, OTHER_TOWN + "-kankyo-staff").download(PATH).status()).isEqualTo(403);
    assertThat(Http.as(port, TOWN + "-kotsu-staff").download(PATH).status()).isEqualTo(403);
    assertThat(Http.anonymous(port).post(PATH, XLSX, file).status()).isEqualTo(401);
    // the head and the secretariat may look at it
    assertThat(Http.as(port, TOWN + "-kankyo-head").download(PATH).status()).isEqualTo(200);
    assertThat(Http.as(port, TOWN + "-jimukyoku").download(PATH).status()).isEqualTo(200);
    // a year without a self-assessment
    var none = Http.as(port, TOWN + "-kankyo-staff").post(PATH.replace("/2031/", "/2032/"), XLSX, file);
    assertThat(none.status()).as(none.toString()).isEqualTo(404);
  }

  @Test
  @Order(4)
  void aValidFileFillsTheTaskWhichTheDepartmentThenCompletes() {
    var staff = Http.as(port, TOWN + "-kankyo-staff");
    var response = staff.post(PATH, XLSX, filled().bytes());

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("measures").asInt()).isEqualTo(2);
    var client = new TasklistClient(port, TOWN + "-kankyo-staff");
    var entry = client.claim(KEY, TASK_ENTER);
    assertThat(response.json().path("taskId").asText()).isEqualTo(entry);
    var rows = TasklistClient.rows(client.form(entry).get("measures"));
    assertThat(rows).extracting(r -> r.get("measureCode"), r -> r.get("progress"), r -> r.get("achievements"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("M-01", "ON_TRACK", "補助を 120 件交付した\n説明会を 3 回開催"),
            org.assertj.core.groups.Tuple.tuple("M-03", "MOSTLY_ON_TRACK", "事業者 15 社で診断を実施"));
    assertThat(rows.get(0).get("issues")).isEqualTo("申請手続が煩雑");
    assertThat(rows.get(1).get("keyProjectLabel")).isEqualTo("重点");

    // completed as usual, with the form as the upload filled it
    client.complete(entry, Map.of("measures", rows));
    var saved = db.queryForList("select measure_code, progress, achievements, issues, updated_by from self_assessment"
        + " where municipality_code = ? and fiscal_year = ? and department_code = 'kankyo' order by measure_code", TOWN, YEAR);
    assertThat(saved).extracting(r -> r.get("measure_code"), r -> r.get("progress"), r -> r.get("updated_by"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("M-01", "ON_TRACK", TOWN + "-kankyo-staff"),
            org.assertj.core.groups.Tuple.tuple("M-03", "MOSTLY_ON_TRACK", TOWN + "-kankyo-staff"));
    new TasklistClient(port, TOWN + "-kankyo-head").await(KEY, TASK_HEAD_APPROVAL);

    // the task is closed now: a late upload changes nothing
    var late = staff.post(PATH, XLSX, filled().bytes());
    assertThat(late.status()).as(late.toString()).isEqualTo(409);
    assertThat(late.json().path("detail").asText()).contains("入力タスクは開いていません");
    // the download now shows what was handed in
    var again = FilledWorkbook.of(staff.download(PATH).body());
    assertThat(List.of(again.get("J4"), again.get("K4"), again.get("J5"))).containsExactly("順調",
        "補助を 120 件交付した\n説明会を 3 回開催", "概ね順調");
  }

  @Test
  @Order(5)
  void theSecretariatDownloadsEveryDepartmentAndTheIndicators() {
    var path = "/api/self-assessments/" + TOWN + "/" + YEAR + "/workbook";
    var download = Http.as(port, TOWN + "-jimukyoku").download(path);

    assertThat(download.status()).isEqualTo(200);
    var book = FilledWorkbook.of(download.body()).workbook();
    assertThat(book.getNumberOfSheets()).isEqualTo(2);
    var sheet = book.getSheet("自己点検・自己評価");
    var rows = new ArrayList<List<String>>();
    for (var r = 0; r <= sheet.getLastRowNum(); r++) {
      var row = sheet.getRow(r);
      var cells = new ArrayList<String>();
      for (var c = 0; c < 10; c++) {
        cells.add(row.getCell(c) == null ? "" : row.getCell(c).toString());
      }
      rows.add(cells);
    }
    assertThat(rows).containsExactly(
        List.of("部署コード", "部署名", "施策コード", "施策名", "区分", "重点", "進捗", "取組実績", "課題", "今後の方向性"),
        List.of("kankyo", "環境課", "M-01", "住宅用太陽光発電の補助", "実施事業", "", "順調", "補助を 120 件交付した\n説明会を 3 回開催",
            "申請手続が煩雑", ""),
        List.of("kankyo", "環境課", "M-03", "省エネ診断の普及", "検討事業", "重点", "概ね順調", "事業者 15 社で診断を実施", "", ""),
        List.of("kotsu", "交通課", "M-02", "公共交通の利用促進", "実施事業", "", "未入力", "", "", ""));
    assertThat(sheet.getRow(1).getCell(10).toString()).isEqualTo(TOWN + "-kankyo-staff");
    var indicators = book.getSheet("指標");
    assertThat(indicators.getRow(0).getCell(1).toString()).isEqualTo("指標名");
    assertThat(indicators.getRow(1).getCell(0).toString()).isEqualTo("M-01-1");
    assertThat(indicators.getRow(1).getCell(13).toString()).isEqualTo("データなし");
    assertThat(indicators.getLastRowNum()).isEqualTo(1);

    // a department sees only itself; another town's secretariat nothing of this town
    assertThat(Http.as(port, TOWN + "-kankyo-staff").download(path).status()).isEqualTo(403);
    assertThat(Http.as(port, OTHER_TOWN + "-jimukyoku").download(path).status()).isEqualTo(403);
  }

  /**
   * The form in Tasklist (Chromium, ja-JP): kotsu's staff upload a file with an error (shown with its row and
   * column, nothing taken), then the filled file; the form shows the uploaded answers and is completed there.
   */
  @Test
  @Order(6)
  void theFormInTasklistTakesTheFileShowsTheAnswersAndCompletes() throws Exception {
    var staff = TOWN + "-kotsu-staff";
    var key = TOWN + ":" + YEAR + ":kotsu";
    var entry = new TasklistClient(port, staff).await(key, TASK_ENTER);
    var address = "/api/climate-pdca/task-files/" + SelfAssessmentWorkbookUpload.NAME + "/" + entry;
    // the form's own download (the webapp session of the department) and strangers' sessions
    var own = WebappSession.logIn(port, staff).get(address);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
    assertThat(WebappSession.logIn(port, OTHER_TOWN + "-kotsu-staff").get(address).statusCode()).isEqualTo(404);
    assertThat(WebappSession.logIn(port, TOWN + "-kankyo-staff").get(address).statusCode()).isEqualTo(404);
    var blank = Http.as(port, staff).download("/api/self-assessments/" + TOWN + "/" + YEAR + "/kotsu/workbook").body();
    var dir = java.nio.file.Path.of("target", "browser", "files");
    java.nio.file.Files.createDirectories(dir);
    var broken = java.nio.file.Files.write(dir.resolve("kotsu-broken.xlsx"),
        FilledWorkbook.of(blank).set("J4", "まあまあ").bytes());
    var good = java.nio.file.Files.write(dir.resolve("kotsu.xlsx"), FilledWorkbook.of(blank).set("J4", "遅れ")
        .set("K4", "バス路線の再編を協議した").set("L4", "運転士の不足").bytes());

    browser = Browser.start();
    var page = new TasklistPage(browser, port);
    page.logIn(staff);
    page.open(TasklistPage.GROUP_TASKS, "自己点検・自己評価の入力（交通課）");
    page.claimIfOffered();
    assertThat(page.formText()).contains("Excel で入力する場合", "Excel ファイルをダウンロード");
    assertThat(browser.findElement(org.openqa.selenium.By.linkText("Excel ファイルをダウンロード")).getAttribute("href"))
        .endsWith("/camunda" + address);

    var refused = page.upload(UPLOAD, broken);
    Browser.keepEvidence(browser, "self-assessment-workbook-refused");
    assertThat(refused).contains("Excel ファイルを取り込めません（何も反映していません）",
        "4 行目「進捗」: 「まあまあ」は選択肢（完了・順調・概ね順調・遅れ・未着手）にありません",
        "4 行目「取組実績」: 入力してください");
    var accepted = page.upload(UPLOAD, good);
    assertThat(accepted).contains("1 件の施策の自己評価をフォームに反映しました");
    // the form loaded again shows what the file said
    Browser.waiting(browser).until(d -> page.fields("取組実績").stream()
        .anyMatch(f -> "バス路線の再編を協議した".equals(f.getAttribute("value"))));
    Browser.keepEvidence(browser, "self-assessment-workbook-filled");
    assertThat(browser.findElement(org.openqa.selenium.By.xpath(
        "//div[contains(@class, 'fjs-form-field-select')][.//label[contains(., '進捗状況')]]")).getText()).contains("遅れ");
    assertThat(page.fields("課題").get(0).getAttribute("value")).isEqualTo("運転士の不足");
    page.complete();
    Browser.waiting(browser).until(d -> db.queryForList("select progress, achievements, updated_by from self_assessment"
        + " where municipality_code = ? and fiscal_year = ? and department_code = 'kotsu'", TOWN, YEAR).size() == 1);
    var saved = db.queryForMap("select progress, achievements, issues, updated_by from self_assessment"
        + " where municipality_code = ? and fiscal_year = ? and department_code = 'kotsu'", TOWN, YEAR);
    assertThat(saved).containsEntry("progress", "DELAYED").containsEntry("achievements", "バス路線の再編を協議した")
        .containsEntry("issues", "運転士の不足").containsEntry("updated_by", staff);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      Browser.keepEvidence(browser, "self-assessment-workbook-after");
      browser.quit();
    }
  }
}
