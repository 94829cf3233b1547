package jp.climatepdca.emission;

import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ENTER_ACTIVITY_DATA;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_VERIFY_EMISSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.FilledWorkbook;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.SecretariatEmissions;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TasklistPage;
import jp.climatepdca.testing.TestUsers;
import jp.climatepdca.testing.WebappSession;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Activity data from Tasklist (docs/excel.md): the secretariat of town 961711 uploads its file from the form
 * (a broken CSV refused row by row, nothing stored; an .xlsx stored and shown), downloads the factor catalogue
 * the form links to, completes the form in a ja-JP browser; after a return it pastes cells copied from Excel
 * (tab-separated) into the form. Another town's secretariat (961712) and the town's department are refused.
 */
@AppTest
class ActivityDataFromTasklistTest {

  private static final String TOWN = "961711";
  private static final String OTHER_TOWN = "961712";
  private static final int YEAR = 2031;
  private static final String CYCLE = TOWN + ":" + YEAR;
  private static final String UPLOAD = "活動量データのファイルを登録";

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
  JdbcTemplate db;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "activity-data-after");
      browser.quit();
    }
  }

  @Test
  void theSecretariatEntersActivityDataAsAFileOrPastedFromExcel() throws Exception {
    town(TOWN);
    town(OTHER_TOWN);
    var secretariat = TOWN + "-jimukyoku";
    var started = Http.as(port, secretariat).post("/api/cycles", Map.of("municipality", TOWN, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var cycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(CYCLE).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(cycle.getId()).timers()
        .activityId(FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE).singleResult().getId());
    var client = new TasklistClient(port, secretariat);
    var entry = client.await(CYCLE, TASK_ENTER_ACTIVITY_DATA);
    var inventoryYear = ((Number) runtime.getVariable(cycle.getId(), "inventoryYear")).intValue();
    var address = "/api/climate-pdca/task-files/" + ActivityDataUpload.NAME + "/" + entry;

    // a broken CSV through the form's upload: every bad line named, nothing stored
    var broken = WebappSession.logIn(port, secretariat).send("POST", address, "text/csv",
        "部門,小部門,燃料,活動量,単位,出典\n宇宙,事務所,ELECTRICITY,1000,kWh,実績\n業務その他,事務所,ELECTRICITY,-5,kWh,実績\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
    assertThat(broken.body()).contains("2行目", "3行目");
    assertThat(uploads()).isZero();
    // strangers: another town's secretariat, the town's own department
    assertThat(WebappSession.logIn(port, OTHER_TOWN + "-jimukyoku").send("POST", address, "text/csv",
        SecretariatEmissions.CSV.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
    assertThat(WebappSession.logIn(port, TOWN + "-kankyo-staff").send("POST", address, "text/csv",
        SecretariatEmissions.CSV.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
    assertThat(WebappSession.logIn(port, OTHER_TOWN + "-jimukyoku").get(address).statusCode()).isEqualTo(404);
    assertThat(uploads()).isZero();

    // the factor catalogue the form links to: the factors of the inventory year, names a line may use
    var catalogue = WebappSession.logIn(port, secretariat).get(address);
    assertThat(catalogue.statusCode()).isEqualTo(200);
    assertThat(catalogue.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    var file = activityWorkbook();
    browser = Browser.start();
    var page = new TasklistPage(browser, port);
    page.logIn(secretariat);
    page.open(TasklistPage.GROUP_TASKS, "活動量データの入力");
    page.claimIfOffered();
    assertThat(page.formText()).contains("ファイルで登録する", "登録済みのデータ: まだありません");
    assertThat(browser.findElement(By.linkText("排出係数一覧")).getAttribute("href")).endsWith("/camunda" + address);
    var accepted = page.upload(UPLOAD, file);
    Browser.keepEvidence(browser, "activity-data-uploaded");
    assertThat(accepted).contains(inventoryYear + "年度の活動量データ 1 行を登録しました");
    Browser.waiting(browser).until(d -> page.formText().contains("1 行を登録"));
    assertThat(uploads()).isEqualTo(1);
    page.complete();
    var verification = client.claim(CYCLE, TASK_VERIFY_EMISSIONS);
    assertThat(client.form(verification).get("total").asText()).isEqualTo("441");

    // returned, then cells copied from Excel pasted into the form: tab-separated, a grouped number
    client.complete(verification, Map.of("decision", "RETURN", "comment", "販売量の確報値で入力し直してください"));
    var again = client.claim(CYCLE, TASK_ENTER_ACTIVITY_DATA);
    client.complete(again, Map.of("csv", "部門\t小部門\t燃料\t活動量\t単位\t出典\r\n業務その他\t事務所\tELECTRICITY\t2,000,000\tkWh\t確報値\r\n",
        "reason", "差戻しによる修正"));
    var second = client.claim(CYCLE, TASK_VERIFY_EMISSIONS);
    assertThat(client.form(second).get("total").asText()).isEqualTo("882");
    assertThat(uploads()).isEqualTo(2);
  }

  private long uploads() {
    return db.queryForObject("select count(*) from activity_upload where municipality_code = ?", Long.class, TOWN);
  }

  /** 1,000,000 kWh of electricity, laid out like the CSV, as Excel saves it. */
  private static Path activityWorkbook() throws Exception {
    var book = new XSSFWorkbook();
    var sheet = book.createSheet("活動量");
    var rows = List.of(List.of("部門", "小部門", "燃料", "活動量", "単位", "出典"),
        List.of("業務その他", "事務所", "ELECTRICITY", "1000000", "kWh", "電力会社の販売実績"));
    for (var r = 0; r < rows.size(); r++) {
      var row = sheet.createRow(r);
      for (var c = 0; c < rows.get(r).size(); c++) {
        var text = rows.get(r).get(c);
        if (r == 1 && c == 3) {
          row.createCell(c).setCellValue(Double.parseDouble(text));
        } else {
          row.createCell(c).setCellValue(text);
        }
      }
    }
    var out = new java.io.ByteArrayOutputStream();
    book.write(out);
    book.close();
    var dir = Path.of("target", "browser", "files");
    Files.createDirectories(dir);
    return Files.write(dir.resolve("activity-" + TOWN + ".xlsx"), FilledWorkbook.of(out.toByteArray()).bytes());
  }

  private void town(String code) {
    var plan = """
        {"municipality": {"code": "%s", "name": "町%s", "baseYear": 2013},
         "departments": [{"code": "kankyo", "name": "環境課"}],
         "measures": [{"code": "M-01", "department": "kankyo", "name": "住宅用太陽光発電の補助", "sector": "HOUSEHOLD",
            "kind": "IMPLEMENTATION"}]}
        """.formatted(code, code);
    plans.importPlan(new ByteArrayInputStream(plan.getBytes(StandardCharsets.UTF_8)));
    TestUsers.add(identity, code + "-jimukyoku", "事務局", "担当", GroupNames.secretariat(code));
    TestUsers.add(identity, code + "-kankyo-staff", "環境課", "担当", GroupNames.departmentStaff(code, "kankyo"));
  }
}
