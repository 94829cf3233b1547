package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.FilledWorkbook;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.Workbook;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalogue of bad input: each case is refused with a 4xx and a Japanese message that says what is
 * wrong, and the database is exactly as before (every business table and the engine's runtime tables
 * counted). Then SQL and script text in every free-text field is stored verbatim, as text. Fiscal year 2052.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class BadInputCatalogueTest {

  private static final int YEAR = 2052;
  private static final String KEY = CycleFixture.CITY + ":" + YEAR + ":env";
  private static final List<String> TABLES = List.of("municipality", "department", "measure", "fiscal_year_cycle",
      "self_assessment", "review_decision", "cycle_evaluation", "committee_opinion", "measure_decision",
      "indicator", "indicator_actual", "emission_target", "plan_version", "emission_factor", "local_emission_factor",
      "activity_upload", "activity_row", "direct_emission",
      "area", "area_member", "area_measure", "area_measure_member", "area_indicator", "area_indicator_actual",
      "area_emission_target",
      "plan_governance", "cycle_governance", "public_opinion",
      "area_staff_meeting", "area_working_group", "area_cycle", "area_cycle_member",
      "task_draft", "ACT_ID_TENANT", "ACT_ID_GROUP", "ACT_ID_TENANT_MEMBER",
      "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_HI_TASKINST", "ACT_ID_USER");
  /** Values a refused update could have changed in place, which counting rows would not see. */
  private static final List<String> VALUES = List.of("select base_emissions from municipality where code = '999999'",
      "select sum(factor) from emission_factor", "select sum(base_value) + sum(target_value) from indicator",
      "select sum(first_year * 10000 + last_year) from area");
  /** Numbers no field holds: each must be refused at the door, before any arithmetic. */
  private static final List<String> HUGE_NUMBERS = List.of("1e100000000", "-1e100000000", "1e-100000000",
      "9".repeat(10_000));
  private static final String INPUT_REFUSED = "入力内容を確認してください";
  private static final String SQL_TEXT = "'; DROP TABLE self_assessment; --";
  private static final String SCRIPT_TEXT = "<script>alert('xss')</script>";
  private static final String BOTH_TEXT = "Robert'); DELETE FROM measure; -- <img src=x onerror=alert(1)>";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  @Autowired
  PlanService plan;

  @Autowired
  JdbcTemplate db;

  @Autowired
  jp.climatepdca.review.ReviewLog reviews;

  @Autowired
  org.springframework.context.ApplicationContext context;

  private String entry;
  private int inputRefusals;
  private List<Map<String, Object>> rows;
  private List<Map<String, Object>> indicatorRows;

  @BeforeAll
  void openEntryTasks() {
    CycleFixture.startNow(port, runtime, management, YEAR);
    var departments = plan.assessingDepartmentCodes(CycleFixture.CITY).size();
    // every department's task open and no job left, so nothing moves while the tables are counted
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKeyLike(CycleFixture.CITY + ":" + YEAR + ":%").count() == departments
        && management.createJobQuery().count() == management.createJobQuery().timers().count());
    entry = CycleFixture.await(tasks, KEY, TASK_ENTER).getId();
    // area962 of three towns (961201–961203), whose cycles of 2039 and 2040 the area cases below refuse to start
    jp.climatepdca.area.AreaOfThree.in(port, context);
    var form = new TasklistClient(port, "env-staff").form(entry);
    rows = TasklistClient.rows(form.get("measures"));
    indicatorRows = TasklistClient.rows(form.get("indicators"));
    rows.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "実施した");
    });
    // headquarters approved the cycle of 2001, which reviewed 2000: plan year 2000 is closed
    reviews.record(new jp.climatepdca.review.ReviewRecord(CycleFixture.CITY, 2001, null,
        jp.climatepdca.review.ReviewLevel.HEADQUARTERS, jp.climatepdca.review.ReviewOutcome.APPROVE, null,
        "catalogue-closed-2001", "honbu", java.time.Instant.now()));
  }

  /** One refused request: who sends it, where, what comes back, and a piece of the message. */
  record Case(String name, String user, String method, String path, String contentType, byte[] body, int status,
      String message) {

    @Override
    public String toString() {
      return name;
    }
  }

  private static Case api(String name, String user, String method, String path, String json, int status,
      String message) {
    return new Case(name, user, method, path, json == null ? null : "application/json",
        json == null ? null : json.getBytes(StandardCharsets.UTF_8), status, message);
  }

  private Case form(String name, Object variables, int status, String message) {
    var body = variables instanceof String s ? s : Http.write(Map.of("variables", variables));
    return new Case(name, "env-staff", "POST", "/engine-rest/task/" + entry + "/submit-form", "application/json",
        body.getBytes(StandardCharsets.UTF_8), status, message);
  }

  private Case complete(String name, Object variables, int status, String message) {
    var body = Http.write(Map.of("variables", variables));
    return new Case(name, "env-staff", "POST", "/engine-rest/task/" + entry + "/complete", "application/json",
        body.getBytes(StandardCharsets.UTF_8), status, message);
  }

  /** The entry form with valid rows, changed by {@code change}. */
  private Map<String, Object> measures(Consumer<List<Map<String, Object>>> change) {
    var copy = new ArrayList<Map<String, Object>>();
    rows.forEach(row -> copy.add(new LinkedHashMap<>(row)));
    change.accept(copy);
    var variables = new LinkedHashMap<String, Object>();
    variables.put("measures", Map.of("type", "Json", "value", Http.write(copy)));
    return variables;
  }

  private Map<String, Object> withExtra(String name, String value) {
    var variables = measures(rows -> {});
    variables.put(name, Map.of("type", "String", "value", value));
    return variables;
  }

  Stream<Case> catalogue() {
    var otherDepartment = plan.activeMeasures(CycleFixture.CITY, "waste").get(0).code();
    var big = "x".repeat(1024 * 1024 + 1);
    return Stream.of(
        api("/api malformed JSON", "jimukyoku", "POST", "/api/cycles", "{\"municipality\": \"999999\", \"fiscalYear\": ",
            400, "JSON"),
        api("/api wrong type", "jimukyoku", "POST", "/api/cycles", "{\"municipality\": \"999999\", \"fiscalYear\": \"二〇五三\"}",
            400, "fiscalYear"),
        api("/api a list instead of an object", "jimukyoku", "POST", "/api/cycles", "[1, 2]", 400, "JSON"),
        api("/api unknown municipality", "jimukyoku", "POST", "/api/cycles",
            "{\"municipality\": \"000000\", \"fiscalYear\": 2053}", 400, "000000"),
        api("/api SQL as municipality code", "demo", "POST", "/api/cycles",
            "{\"municipality\": \"999999' OR '1'='1\", \"fiscalYear\": 2053}", 400, "自治体"),
        api("/api year out of range", "jimukyoku", "POST", "/api/cycles",
            "{\"municipality\": \"999999\", \"fiscalYear\": 99999}", 400, "2000〜2100"),
        api("/api year in the path not a number", "jimukyoku", "GET", "/api/cycles/999999/abc", null, 400,
            "fiscalYear"),
        api("/api unknown cycle", "demo", "GET", "/api/cycles/999999/2099", null, 404, "2099"),
        api("/api overdue of an unknown municipality", "demo", "GET", "/api/cycles/999998/2026/overdue", null, 404,
            "999998"),
        api("/api overdue with SQL as municipality code", "demo", "GET", "/api/cycles/999999'%20OR%20'1'='1/2026/overdue",
            null, 404, "登録されていません"),
        api("/api unknown endpoint", "demo", "GET", "/api/nothing-here", null, 404, "該当する API はありません"),
        new Case("/api not JSON", "jimukyoku", "POST", "/api/cycles", "text/plain",
            "999999 2053".getBytes(StandardCharsets.UTF_8), 415, "application/json"),
        api("/api no body", "jimukyoku", "POST", "/api/cycles", null, 400, "本文がありません"),
        new Case("/api oversized plan", "demo", "POST", "/api/plans", "application/json",
            ("{\"name\": \"" + big + "\"}").getBytes(StandardCharsets.UTF_8), 413, "大きすぎます"),
        api("/api empty plan", "demo", "POST", "/api/plans", "{}", 400, "計画"),
        // plan files people can fix (issue #19): every error at once, where people see it; each kind's needs
        api("/api plan: a type error and an unknown field, both named", "demo", "POST", "/api/plans",
            demoPlan().replaceFirst("\"sector\": \"CROSS_SECTOR\"", "\"sector\": [\"CROSS_SECTOR\"], \"sektor\": 1"), 400,
            "） / measures の 1 件目 (ENV-01) の sector: 文字で指定してください"),
        api("/api plan: a stage that is none", "demo", "POST", "/api/plans", demoPlan().replace(
            "\"direction\": \"HIGHER\",\n      \"baseYear\": 2022,\n      \"baseValue\": 12,\n      \"targetYear\": 2030,\n      \"targetValue\": 60",
            "\"kind\": \"段階\", \"targets\": [{\"year\": 2030, \"stage\": \"構想中\"}]"), 400,
            "indicators の 3 件目 (ENV-01-1) の targets の 1 件目 の stage: \"構想中\" は使えません"),
        api("/api plan: 維持 without the level to keep", "demo", "POST", "/api/plans", demoPlan().replace(
            "\"direction\": \"HIGHER\",\n      \"baseYear\": 2022,\n      \"baseValue\": 12,\n      \"targetYear\": 2030,\n      \"targetValue\": 60",
            "\"kind\": \"維持\", \"direction\": \"HIGHER\", \"baseYear\": 2022"), 400,
            "indicators の 3 件目 (ENV-01-1) の baseValue: 「維持」の指標には維持する水準（基準値）が必要です"),
        // the plan's governance (docs/governance.md): its schedule and bodies
        api("/api plan: governance schedule step unknown", "demo", "POST", "/api/plans",
            withGovernance("{\"schedule\": {\"aprilChek\": \"04-01\"}}"), 400,
            "governance の schedule の aprilChek: 項目 \"aprilChek\" は定義されていません"),
        api("/api plan: a field name of 10,000 characters", "demo", "POST", "/api/plans",
            withGovernance("{\"" + "s".repeat(39) + "𠮷" + "s".repeat(10_000) + "\": 1}"), 400,
            "項目 \"" + "s".repeat(39) + "𠮷…\" は定義されていません"),
        api("/api plan: governance schedule day 02-30", "demo", "POST", "/api/plans",
            withGovernance("{\"schedule\": {\"committee\": \"02-30\"}}"), 400,
            "governance の schedule の committee: \"02-30\" という日付はありません"),
        api("/api plan: governance businessDaysAfter in a circle", "demo", "POST", "/api/plans",
            withGovernance("{\"schedule\": {\"checkDue\": {\"businessDaysAfter\": \"headquartersDue\", \"days\": 5},"
                + " \"headquartersDue\": {\"businessDaysAfter\": \"checkDue\", \"days\": 5}}}"), 400,
            "businessDaysAfter が循環しています"),
        api("/api plan: governance businessDaysAfter an unknown step", "demo", "POST", "/api/plans",
            withGovernance("{\"schedule\": {\"checkDue\": {\"businessDaysAfter\": \"julyCalc\", \"days\": 5}}}"), 400,
            "governance の schedule の checkDue の businessDaysAfter: \"julyCalc\" は日程の段階ではありません"),
        api("/api plan: governance body of an unknown role", "demo", "POST", "/api/plans",
            withGovernance("{\"bodies\": {\"council\": {\"name\": \"協議会\"}}}"), 400,
            "governance の bodies の council: 項目 \"council\" は定義されていません"),
        api("/api plan: governance approving committee reported to after publishing", "demo", "POST", "/api/plans",
            withGovernance("{\"order\": \"公表後に報告\", \"bodies\": {\"committee\": {\"name\": \"環境審議会\","
                + " \"kind\": \"APPROVING\"}}}"), 400, "governance の order: 公表後に報告を受ける委員会は差し戻しできません"),
        api("/api plan: governance body's years without every", "demo", "POST", "/api/plans",
            withGovernance("{\"bodies\": {\"headquarters\": {\"name\": \"推進本部\", \"years\": {\"from\": 2021}}}}"), 400,
            "governance の bodies の headquarters の years の from: 開始年度（from）は何年ごとに開くか（every）と一緒に指定してください"),
        form("form malformed JSON", "{\"variables\": {\"measures\": ", 400, "形式が正しくありません"),
        form("form variable of a wrong type", Map.of("measures", Map.of("type", "Integer", "value", "abc")), 400,
            "形式が正しくありません"),
        form("form measures not a list", Map.of("measures", Map.of("type", "String", "value", "abc")), 400,
            "一覧の形式が正しくありません"),
        form("form progress outside the list", measures(rows -> rows.get(0).put("progress", "SUPERB")), 400,
            "\"SUPERB\" は選択肢にありません"),
        form("form another department's measure", measures(rows -> rows.add(row(otherDepartment))), 400,
            otherDepartment + "\" はこの部署の施策ではありません"),
        form("form a duplicated row", measures(rows -> rows.add(new LinkedHashMap<>(rows.get(0)))), 400,
            "同じ施策が2回入力されています"),
        form("form text too long", measures(rows -> rows.get(0).put("achievements", "長".repeat(4001))), 400,
            "4000文字以内"),
        form("form a decision on the entry task", withExtra("decision", "APPROVE"), 400,
            "\"decision\" はこのフォームの項目ではない"),
        form("form the department changed", withExtra("departmentCode", "waste"), 400,
            "\"departmentCode\" はこのフォームの項目ではない"),
        form("form a routing flag set by hand", withExtra("headApproved", "true"), 400,
            "\"headApproved\" はこのフォームの項目ではない"),
        // Camunda's own complete is honoured like submit-form (issue #17): the same checks, the same answers
        complete("complete: progress outside the list", measures(rows -> rows.get(0).put("progress", "SUPERB")),
            400, "\"SUPERB\" は選択肢にありません"),
        complete("complete: the department changed", withExtra("departmentCode", "waste"), 400,
            "\"departmentCode\" はこのフォームの項目ではない"),
        complete("complete: a routing flag set by hand", withExtra("headApproved", "true"), 400,
            "\"headApproved\" はこのフォームの項目ではない"),
        new Case("form oversized", "env-staff", "POST", "/engine-rest/task/" + entry + "/submit-form",
            "application/json", Http.write(withExtra("issues", big)).getBytes(StandardCharsets.UTF_8), 413,
            "大きすぎます"),
        new Case("form unknown task", "env-staff", "POST", "/engine-rest/task/no-such-task/submit-form",
            "application/json", Http.write(Map.of("variables", measures(rows -> {}))).getBytes(StandardCharsets.UTF_8),
            404, "見つかりません"));
  }

  /** Every door a user's number comes through, with numbers no field holds. */
  Stream<Case> numbers() {
    var cases = new ArrayList<Case>();
    var plan = demoPlan();
    for (var n : HUGE_NUMBERS) {
      var shown = n.length() > 20 ? n.length() + " digits" : n;
      // a number too long for the JSON reader is refused by it, before any field sees it
      java.util.function.UnaryOperator<String> raw = field -> n.length() > 100 ? "数値は100文字まで" : field;
      cases.add(api("actual value " + shown, "jimukyoku", "PUT", "/api/indicators/999999/ENV-01-1/actuals/2050",
          "{\"value\": " + n + ", \"source\": \"台帳\"}", 400, raw.apply("value")));
      cases.add(api("actual value as text " + shown, "jimukyoku", "PUT", "/api/indicators/999999/ENV-01-1/actuals/2050",
          "{\"value\": \"" + n + "\", \"source\": \"台帳\"}", 400, raw.apply("value")));
      cases.add(api("plan baseEmissions " + shown, "demo", "POST", "/api/plans",
          plan.replace("\"baseEmissions\": 1250000", "\"baseEmissions\": " + n), 400, raw.apply("baseEmissions")));
      cases.add(api("plan indicator baseValue " + shown, "demo", "POST", "/api/plans",
          plan.replaceFirst("\"baseValue\": 1250,", "\"baseValue\": " + n + ","), 400, raw.apply("baseValue")));
      cases.add(api("plan reductionPercent " + shown, "demo", "POST", "/api/plans",
          plan.replaceFirst("\"reductionPercent\": [0-9.]+", "\"reductionPercent\": " + n), 400, raw.apply("reductionPercent")));
      cases.add(api("catalogue factor " + shown, "demo", "POST", "/api/emission-factors",
          "{\"code\": \"BAD\", \"kind\": \"FUEL\", \"name\": \"悪い係数\", \"unit\": \"kL\", \"gas\": \"CO2\","
              + " \"factor\": " + n + ", \"validFrom\": 2050, \"source\": \"試験\"}", 400, raw.apply("factor")));
      cases.add(api("factor correction " + shown, "demo", "PUT", "/api/emission-factors/ELECTRICITY/CO2/2013",
          "{\"factor\": " + n + ", \"source\": \"試験\"}", 400, raw.apply("factor")));
      cases.add(api("local factor " + shown, "jimukyoku", "POST", "/api/emission-factors/local/999999",
          "{\"code\": \"ELECTRICITY\", \"gas\": \"CO2\", \"factor\": " + n + ", \"validFrom\": 2050,"
              + " \"source\": \"試験\"}", 400, raw.apply("factor")));
      cases.add(new Case("activity CSV amount " + shown, "jimukyoku", "POST", "/api/emissions/999999/2050/activity-data",
          "text/csv", ("部門,小部門,燃料,活動量,単位,出典\n運輸,自動車,ガソリン," + n + ",kL,販売量\n")
              .getBytes(StandardCharsets.UTF_8), 400, "活動量"));
      cases.add(new Case("activity XLSX amount " + shown, "jimukyoku", "POST", "/api/emissions/999999/2050/activity-data",
          XLSX, activityWorkbook(n), 400, "活動量"));
      cases.add(form("form actual value " + shown, withIndicatorValue(n), 400, INPUT_REFUSED));
    }
    for (var n : List.of("NaN", "Infinity", "-Infinity")) {
      cases.add(api("actual value " + n, "jimukyoku", "PUT", "/api/indicators/999999/ENV-01-1/actuals/2050",
          "{\"value\": " + n + ", \"source\": \"台帳\"}", 400, "JSON"));
      cases.add(api("actual value as text " + n, "jimukyoku", "PUT", "/api/indicators/999999/ENV-01-1/actuals/2050",
          "{\"value\": \"" + n + "\", \"source\": \"台帳\"}", 400, "value"));
      cases.add(form("form actual value " + n, withIndicatorValue(n), 400, INPUT_REFUSED));
    }
    cases.add(api("factor above its range", "demo", "PUT", "/api/emission-factors/ELECTRICITY/CO2/2013",
        "{\"factor\": 1000, \"source\": \"試験\"}", 400, "1,000未満"));
    cases.add(api("factor correction without a source (Bean Validation)", "demo", "PUT",
        "/api/emission-factors/ELECTRICITY/CO2/2013", "{\"factor\": 0.0005}", 400, "source: 出典を指定してください"));
    cases.add(new Case("activity amount above its range", "jimukyoku", "POST", "/api/emissions/999999/2050/activity-data",
        "text/csv", "部門,小部門,燃料,活動量,単位,出典\n運輸,自動車,ガソリン,1000000000000,kL,販売量\n"
            .getBytes(StandardCharsets.UTF_8), 400, "1,000,000,000,000未満"));
    return cases.stream();
  }

  /** Workbooks built to exhaust the server, and one whose only sheet is not named sheet1.xml. */
  Stream<Case> workbooks() {
    var header = "<row r=\"1\">" + Stream.of("部門", "小部門", "燃料", "活動量", "単位", "出典")
        .map(t -> "<c t=\"inlineStr\"><is><t>" + t + "</t></is></c>").reduce("", String::concat) + "</row>";
    var repeated = "<row r=\"2\">" + "<c r=\"A2\"><v>1</v></c>".repeat(1_000_000) + "</row>";
    return Stream.of(
        new Case("XLSX cell at XFD1048576", "jimukyoku", "POST", "/api/emissions/999999/2050/activity-data", XLSX,
            new Workbook().sheet("worksheets/sheet1.xml", header
                + "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>").bytes(), 400, "列が多すぎます"),
        new Case("XLSX a million repeated cells", "jimukyoku", "POST", "/api/emissions/999999/2050/activity-data", XLSX,
            new Workbook().sheet("worksheets/sheet1.xml", header + repeated).bytes(), 400, "列が多すぎます"),
        new Case("XLSX zip bomb", "jimukyoku", "POST", "/api/emissions/999999/2050/activity-data", XLSX,
            new Workbook().inflatingSheet("worksheets/sheet1.xml", 256L << 20).bytes(), 400, "大きすぎます"),
        new Case("XLSX its sheet found through the relationships (data.xml), with a bad row", "jimukyoku", "POST",
            "/api/emissions/999999/2050/activity-data", XLSX,
            new Workbook().sheet("worksheets/data.xml", header
                + "<row r=\"2\"><c t=\"inlineStr\"><is><t>宇宙</t></is></c></row>").bytes(), 400, "2行目 部門"));
  }

  /**
   * A department's self-assessment workbook (docs/excel.md) uploaded into its open entry task: the file as
   * downloaded, broken one way each; refused as a whole, the form's variables untouched.
   */
  Stream<Case> selfAssessmentWorkbooks() {
    var path = "/api/self-assessments/999999/" + YEAR + "/env/workbook";
    var download = Http.as(port, "env-staff").download(path);
    assertThat(download.status()).isEqualTo(200);
    java.util.function.Supplier<FilledWorkbook> file = () -> FilledWorkbook.of(download.body());
    java.util.function.BiFunction<String, byte[], Case> upload = (name, body) -> new Case("self-assessment XLSX " + name,
        "env-staff", "POST", path, XLSX, body, 400, null);
    return Stream.of(
        withMessage(upload.apply("zip bomb", new Workbook().inflatingSheet("worksheets/sheet1.xml", 256L << 20).bytes()),
            "大きすぎます"),
        withMessage(upload.apply("wrong sheet", file.get().renameSheet("Sheet1").bytes()),
            "最初のシートが「自己点検・自己評価」ではありません"),
        withMessage(upload.apply("changed key column", file.get().set("B4", "別の施策").bytes()),
            "4 行目「施策名」: 変更できない列"),
        withMessage(upload.apply("unknown measure code", file.get().set("A4", "NO-SUCH").bytes()),
            "4 行目「施策コード」: 「NO-SUCH」はこの部署のこの年度の施策ではありません"),
        withMessage(upload.apply("formula", file.get().formula("K4", "1+1").bytes()),
            "4 行目「取組実績」: 数式は使えません"),
        // the indicators' sheet (docs/excel.md): the form's rules, cell by cell
        withMessage(upload.apply("indicator value no number", file.get().set("'指標の実績'!H4", "約10").bytes()),
            "「指標の実績」4 行目「実績値」: 実績値は数値で入力してください（約10）"),
        withMessage(upload.apply("indicator value negative past the column", file.get()
            .number("'指標の実績'!H4", -1e15).set("'指標の実績'!I4", "推計").bytes()),
            "「指標の実績」4 行目「実績値」: 実績値は-99,999,999,999,999.999999以上で指定してください"),
        withMessage(upload.apply("indicator key column changed", file.get().set("'指標の実績'!C4", "t").bytes()),
            "「指標の実績」4 行目「単位」: 変更できない列が「t」に変わっています"),
        withMessage(upload.apply("another department's indicator", file.get().set("'指標の実績'!A4", "WST-01-1").bytes()),
            "「指標の実績」4 行目「指標コード」: 「WST-01-1」はこの部署が実績を入力する指標ではありません"),
        new Case("self-assessment XLSX another department's staff", "waste-staff", "POST", path, XLSX,
            file.get().bytes(), 403, "権限"));
  }

  private static Case withMessage(Case c, String message) {
    return new Case(c.name(), c.user(), c.method(), c.path(), c.contentType(), c.body(), c.status(), message);
  }

  /** Years that are no year of ours, in paths and bodies, on every /api endpoint that takes one. */
  Stream<Case> years() {
    var cases = new ArrayList<Case>();
    for (var year : List.of("2100.99", "999999", "1e100000000", "-1", "2026.0")) {
      cases.add(api("cycle status year " + year, "demo", "GET", "/api/cycles/999999/" + year, null, 400, "fiscalYear"));
      cases.add(api("overdue year " + year, "jimukyoku", "GET", "/api/cycles/999999/" + year + "/overdue", null, 400,
          "fiscalYear"));
      cases.add(api("indicator grades year " + year, "demo", "GET", "/api/indicators/999999/" + year, null, 400,
          "fiscalYear"));
      cases.add(api("actual value year " + year, "jimukyoku", "PUT", "/api/indicators/999999/ENV-01-1/actuals/" + year,
          "{\"value\": 1, \"source\": \"台帳\"}", 400, "valueYear"));
      cases.add(api("actual value removal year " + year, "jimukyoku", "DELETE",
          "/api/indicators/999999/ENV-01-1/actuals/" + year, null, 400, "valueYear"));
      cases.add(api("inventory year " + year, "demo", "GET", "/api/emissions/999999/" + year, null, 400,
          "inventoryYear"));
      cases.add(new Case("activity upload year " + year, "jimukyoku", "POST",
          "/api/emissions/999999/" + year + "/activity-data", "text/csv",
          "部門,小部門,燃料,活動量,単位,出典\n運輸,自動車,ガソリン,1,kL,販売量\n".getBytes(StandardCharsets.UTF_8), 400,
          "inventoryYear"));
      cases.add(api("calculation year " + year, "jimukyoku", "POST", "/api/emissions/999999/" + year + "/calculations",
          "{\"reason\": \"試験\"}", 400, "inventoryYear"));
      cases.add(api("factor correction year " + year, "demo", "PUT", "/api/emission-factors/ELECTRICITY/CO2/" + year,
          "{\"factor\": 0.0005, \"source\": \"試験\"}", 400, "validFrom"));
      cases.add(api("report versions year " + year, "demo", "GET", "/api/reports/999999/" + year, null, 400,
          "fiscalYear"));
      cases.add(api("report correction year " + year, "jimukyoku", "POST", "/api/reports/999999/" + year
          + "/corrections", null, 400, "fiscalYear"));
      cases.add(api("cycle start year " + year, "jimukyoku", "POST", "/api/cycles",
          "{\"municipality\": \"999999\", \"fiscalYear\": " + year + "}", 400, "fiscalYear"));
      cases.add(api("catalogue factor validFrom " + year, "demo", "POST", "/api/emission-factors",
          "{\"code\": \"BAD\", \"kind\": \"FUEL\", \"name\": \"悪い係数\", \"unit\": \"kL\", \"gas\": \"CO2\","
              + " \"factor\": 1, \"validFrom\": " + year + ", \"source\": \"試験\"}", 400, "validFrom"));
      cases.add(api("local factor validFrom " + year, "jimukyoku", "POST", "/api/emission-factors/local/999999",
          "{\"code\": \"ELECTRICITY\", \"gas\": \"CO2\", \"factor\": 0.0004, \"validFrom\": " + year
              + ", \"source\": \"試験\"}", 400, "validFrom"));
      cases.add(api("plan baseYear " + year, "demo", "POST", "/api/plans",
          demoPlan().replace("\"baseYear\": 2013,", "\"baseYear\": " + year + ","), 400, "baseYear"));
    }
    return cases.stream();
  }

  /** JSON a parser may read in more than one way, or at great cost, and URLs that try to leave their path. */
  Stream<Case> malformed() {
    var deep = "[".repeat(100_000) + "]".repeat(100_000);
    var deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    var duplicateForm = "{\"variables\": {\"measures\": " + Http.write(measures(rows -> {}).get("measures"))
        + ", \"measures\": {\"type\": \"Json\", \"value\": \"[]\"}}}";
    return Stream.of(
        api("/api duplicate key", "jimukyoku", "POST", "/api/cycles",
            "{\"municipality\": \"999999\", \"fiscalYear\": 2053, \"fiscalYear\": 2054}", 400, "fiscalYear"),
        api("/api duplicate key in a plan", "demo", "POST", "/api/plans",
            demoPlan().replace("\"baseEmissions\": 1250000", "\"baseEmissions\": 1250000, \"baseEmissions\": 1"), 400,
            "baseEmissions"),
        // a typed body stops at the first bracket where an object belongs; only an untyped value descends
        api("/api deeply nested array", "demo", "POST", "/api/plans", deep, 400, "計画"),
        api("/api deeply nested object in an actual value", "jimukyoku", "PUT",
            "/api/indicators/999999/ENV-01-1/actuals/2050", "{\"source\": \"台帳\", \"x\": " + deepObject + "}", 400, "入れ子"),
        api("/api deeply nested object", "jimukyoku", "POST", "/api/cycles", deepObject, 400, "入れ子"),
        api("/api trailing content", "jimukyoku", "POST", "/api/cycles",
            "{\"municipality\": \"999999\", \"fiscalYear\": 2053} {\"x\": 1}", 400, "JSON"),
        form("form malformed Json variable", Map.of("measures", Map.of("type", "Json", "value", "{\"measureCode\": ")),
            400, "形式が正しくありません"),
        form("form Json variable not a list", Map.of("measures", Map.of("type", "Json", "value", "{\"a\": 1}")), 400,
            "形式が正しくありません"),
        form("form duplicate variable", duplicateForm, 400, "形式が正しくありません"),
        form("form deeply nested body", "{\"variables\": " + deepObject + "}", 400, "形式が正しくありません"),
        form("form deeply nested Json variable", Map.of("measures", Map.of("type", "Json", "value", deep)), 400,
            "形式が正しくありません"),
        api("path /x/../api", "demo", "GET", "/x/../api/cycles/999999/2052", null, 400, "URL"),
        api("path /x/../engine-rest", "env-staff", "GET", "/x/../engine-rest/task", null, 400, "URL"),
        api("path %2e%2e", "demo", "GET", "/api/%2e%2e/engine-rest/task", null, 400, "URL"),
        api("path encoded slash", "demo", "GET", "/api/cycles/999999%2F2052", null, 400, "URL"),
        api("path encoded slash in /engine-rest", "env-staff", "GET", "/engine-rest/task%2F..%2F..%2Fapi", null, 400,
            "URL"),
        api("path double slash", "demo", "GET", "/api//cycles/999999/2052", null, 400, "URL"),
        api("path semicolon", "demo", "GET", "/api/cycles;x=1/999999/2052", null, 400, "URL"),
        api("/api unknown HTTP method", "demo", "FOO", "/api/cycles/999999/2052", null, 400, "メソッド"),
        api("/engine-rest unknown HTTP method", "env-staff", "FOO", "/engine-rest/task", null, 400, "メソッド"));
  }

  /**
   * Area files (docs/area.md) that must change nothing, the demo area's among them: each names the place of
   * its problem, one-based with the entry's code; and plan files that clash with an area.
   */
  Stream<Case> areas() {
    var area = demoArea();
    var cases = new ArrayList<Case>(List.of(
        api("area unknown member", "demo", "POST", "/api/areas",
            area.replace("{\"code\": \"999102\"}", "{\"code\": \"999102\"}, {\"code\": \"000103\"}"), 400,
            "members の 4 件目 (000103)"),
        api("area member twice", "demo", "POST", "/api/areas",
            area.replace("{\"code\": \"999102\"}", "{\"code\": \"999102\"}, {\"code\": \"999101\"}"), 400,
            "members の 4 件目 (999101): 2 件目と重複しています"),
        api("area member of another area for the same years", "demo", "POST", "/api/areas",
            area.replace("\"demo-area\"", "\"other-area\"").replace("\"firstYear\": 2021", "\"firstYear\": 2030")
                .replace("\"lastYear\": 2030", "\"lastYear\": 2040"), 400, "計画期間が重なる"),
        api("area lead not a member", "demo", "POST", "/api/areas", area.replace("\"lead\": \"999999\"", "\"lead\": \"999998\""),
            400, "area.lead"),
        api("area code a municipality's", "demo", "POST", "/api/areas", area.replace("\"demo-area\"", "\"999101\""),
            400, "自治体コードとして登録されています"),
        api("area member measure not in the member's plan", "demo", "POST", "/api/areas", area.replace("\"MT-01\"", "\"MT-99\""),
            400, "measures の 1 件目 (AM-01) の members の 2 件目 (999101) の measure"),
        api("area unknown sector", "demo", "POST", "/api/areas", area.replace("\"TRANSPORT\"", "\"SPACE\""), 400,
            "measures の 3 件目 (AM-03) の sector"),
        api("area unknown kind", "demo", "POST", "/api/areas", area.replaceFirst("\"STUDY\"", "\"MAYBE\""), 400,
            "MAYBE"),
        api("area deadline 13-40", "demo", "POST", "/api/areas", area.replace("\"10-31\"", "\"13-40\""), 400,
            "area.resultDeadline"),
        api("area deadline 02-30", "demo", "POST", "/api/areas", area.replace("\"10-31\"", "\"02-30\""), 400,
            "\"02-30\" は日付として使えません"),
        api("area period backwards", "demo", "POST", "/api/areas", area.replace("\"lastYear\": 2030", "\"lastYear\": 2020"),
            400, "area.lastYear"),
        api("area unknown field", "demo", "POST", "/api/areas", area.replace("\"keyProject\": false", "\"key\": false"),
            400, "\"key\" は定義されていません"),
        // the quoted name is cut at 40 characters, and 𠮷 (two Java chars) at the cut stays whole
        api("area unknown field with a long name", "demo", "POST", "/api/areas", area.replace("\"keyProject\": false",
            "\"" + "k".repeat(39) + "𠮷田" + "x".repeat(100) + "\": false"), 400, "k".repeat(39) + "𠮷…\" は定義されていません"),
        api("area duplicate key", "demo", "POST", "/api/areas", area.replace("\"lead\": \"999999\"",
            "\"lead\": \"999999\", \"lead\": \"999101\""), 400, "\"lead\" が2回以上"),
        api("area empty", "demo", "POST", "/api/areas", "{}", 400, "圏域"),
        api("area by a member town's secretariat", "999101-jimukyoku", "POST", "/api/areas",
            area.replace("\"lead\": \"999999\"", "\"lead\": \"999101\""), 403, "demo-area"),
        api("area by a department", "env-staff", "POST", "/api/areas", area, 403, "権限"),
        api("area unknown", "demo", "GET", "/api/areas/no-such-area", null, 404, "no-such-area"),
        api("plan code an area's", "demo", "POST", "/api/plans", demoPlan().replace("\"999999\"", "\"demo-area\""), 400,
            "圏域のコードとして登録されています"),
        api("plan naming an area that does not list it", "demo", "POST", "/api/plans",
            demoPlan().replace("\"999999\"", "\"999997\""), 400, "municipality.area")));
    // the area's indicators are checked by the plan file's code, with its messages (docs/indicators.md)
    var indicator = "\"code\": \"AGHG\",";
    cases.addAll(List.of(
        api("area indicator unknown kind", "demo", "POST", "/api/areas",
            area.replace(indicator, indicator + " \"kind\": \"保つ\","), 400,
            "indicators の 1 件目 (AGHG) の kind: \"保つ\" は使えません"),
        api("area indicator MAINTAIN without its level", "demo", "POST", "/api/areas",
            area.replace(indicator, indicator + " \"kind\": \"維持\",").replace("\"baseValue\": 1497,", ""), 400,
            "indicators の 1 件目 (AGHG) の baseValue: 「維持」の指標には維持する水準（基準値）が必要です"),
        api("area indicator year-on-year with a target", "demo", "POST", "/api/areas",
            area.replace(indicator, indicator + " \"kind\": \"前年度比減少\","), 400,
            "「前年度比減少」の指標には目標値を指定しません"),
        api("area indicator stage unknown", "demo", "POST", "/api/areas",
            area.replace(indicator, indicator + " \"kind\": \"段階\", \"targets\": [{\"year\": 2025, \"stage\": \"構想中\"}],")
                .replace("\"baseValue\": 1497,", "").replaceFirst("\"targetYear\": 2030,", "").replaceFirst("\"targetValue\": 808", "\"maxDataAgeYears\": 2"),
            400, "indicators の 1 件目 (AGHG) の targets の 1 件目 の stage"),
        api("area indicator maxDataAgeYears 21", "demo", "POST", "/api/areas",
            area.replace(indicator, indicator + " \"maxDataAgeYears\": 21,"), 400,
            "indicators の 1 件目 (AGHG) の maxDataAgeYears: 実績値の古さの上限は0〜20年"),
        api("area indicator with a department", "demo", "POST", "/api/areas",
            area.replace(indicator, indicator + " \"department\": \"kankyo\","), 400,
            "indicators の 1 件目 (AGHG) の department: 圏域計画の指標には指定できません")));
    for (var n : HUGE_NUMBERS) {
      var shown = n.length() > 20 ? n.length() + " digits" : n;
      var field = n.length() > 100 ? "数値は100文字まで" : "baseValue";
      cases.add(api("area indicator baseValue " + shown, "demo", "POST", "/api/areas",
          area.replace("\"baseValue\": 1497", "\"baseValue\": " + n), 400, field));
      cases.add(api("area reductionPercent " + shown, "demo", "POST", "/api/areas",
          area.replaceFirst("\"reductionPercent\": 46", "\"reductionPercent\": " + n), 400,
          n.length() > 100 ? field : "reductionPercent"));
    }
    return cases.stream();
  }

  /**
   * Starting and reading an area cycle (docs/area-cycle.md) of area962 in 2039: nothing started, no member's
   * cycle, no row. An unknown field is refused like an unknown field of a plan or area file, not ignored.
   */
  Stream<Case> areaCycles() {
    var secretariat = jp.climatepdca.area.AreaOfThree.SECRETARIAT;
    return Stream.of(
        api("area cycle with an unknown field", secretariat, "POST", "/api/area-cycles",
            "{\"area\": \"area962\", \"fiscalYear\": 2039, \"startNow\": true}", 400,
            "startNow: 項目 \"startNow\" は定義されていません"),
        api("area cycle with a misspelt field", secretariat, "POST", "/api/area-cycles",
            "{\"area\": \"area962\", \"fiscalyear\": 2039}", 400, "\"fiscalyear\" は定義されていません"),
        api("area cycle without a year", secretariat, "POST", "/api/area-cycles", "{\"area\": \"area962\"}", 400,
            "fiscalYear: 年度は必須です"),
        api("area cycle year as text", secretariat, "POST", "/api/area-cycles",
            "{\"area\": \"area962\", \"fiscalYear\": \"二〇三九\"}", 400, "fiscalYear"),
        api("area cycle year with a fraction", secretariat, "POST", "/api/area-cycles",
            "{\"area\": \"area962\", \"fiscalYear\": 2039.5}", 400, "fiscalYear"),
        api("area cycle year out of range", secretariat, "POST", "/api/area-cycles",
            "{\"area\": \"area962\", \"fiscalYear\": 99999}", 400, "fiscalYear: 年度は2000〜2100"),
        api("area cycle year outside the area's period", secretariat, "POST", "/api/area-cycles",
            "{\"area\": \"area962\", \"fiscalYear\": 2041}", 400, "計画期間（2030〜2040年度）の外"),
        api("area cycle of an unknown area", "demo", "POST", "/api/area-cycles",
            "{\"area\": \"no-such-area\", \"fiscalYear\": 2039}", 400, "圏域コード \"no-such-area\" は登録されていません"),
        api("area cycle a list instead of an object", secretariat, "POST", "/api/area-cycles", "[\"area962\", 2039]",
            400, "JSON"),
        api("area cycle by a member town's secretariat", "961201-jimukyoku", "POST", "/api/area-cycles",
            "{\"area\": \"area962\", \"fiscalYear\": 2039}", 403, "圏域の事務局"),
        api("area cycle status, year not a number", secretariat, "GET", "/api/area-cycles/area962/abc", null, 400,
            "fiscalYear"),
        api("area cycle status, year out of range", secretariat, "GET", "/api/area-cycles/area962/99999", null, 400,
            "fiscalYear"),
        api("area cycle status, not started", secretariat, "GET", "/api/area-cycles/area962/2039", null, 404,
            "開始されていません"),
        api("area cycle status of an unknown area", "demo", "GET", "/api/area-cycles/no-such-area/2039", null, 404,
            "no-such-area"),
        api("area compilation, year not a number", secretariat, "GET", "/api/area-cycles/area962/abc/compilation",
            null, 400, "fiscalYear"),
        api("area compilation of an unknown area", "demo", "GET", "/api/area-cycles/no-such-area/2039/compilation",
            null, 404, "no-such-area"));
  }

  /**
   * A member's cycle of the year has ended (here cancelled, as an administrator would in Cockpit: the engine
   * keeps no running instance, which is what "ended" means to the area): the area's year cannot take it in,
   * and the whole start is refused in Japanese naming the member, with nothing stored: no area cycle, no
   * member row, no other member's cycle started.
   */
  @Order(1)
  @Test
  void anAreaCycleIsRefusedWhenAMembersCycleOfTheYearHasEnded() {
    var alone = Http.as(port, "961202-jimukyoku").post("/api/cycles", Map.of("municipality", "961202", "fiscalYear", 2040));
    assertThat(alone.status()).as(alone.toString()).isEqualTo(201);
    runtime.deleteProcessInstance(alone.json().path("processInstanceId").asText(), "管理者が取り消した");
    var before = snapshot();

    var response = Http.as(port, jp.climatepdca.area.AreaOfThree.SECRETARIAT).post("/api/area-cycles",
        Map.of("area", "area962", "fiscalYear", 2040));

    response.assertProblem(409, "961202", "2040年度のサイクルは既に終了しているため、圏域のサイクルに参加できません");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("area962:2040").count()).isZero();
    assertThat(Http.as(port, "961201-jimukyoku").get("/api/cycles/961201/2040").status()).isEqualTo(404);
  }

  /** Bodies Camunda's REST API cannot read, on endpoints other than completing a task. */
  /** The demo area's staff meeting (docs/area-staff-meeting.md): no meeting row, no process instance. */
  Stream<Case> staffMeetings() {
    var path = "/api/areas/demo-area/staff-meetings";
    return Stream.of(
        api("staff meeting unknown area", "demo-area-tantou", "POST", "/api/areas/no-such-area/staff-meetings",
            "{\"fiscalYear\": 2026, \"title\": \"第1回\"}", 400, "no-such-area"),
        api("staff meeting year outside the area's period", "demo-area-tantou", "POST", path,
            "{\"fiscalYear\": 2031, \"title\": \"第1回\"}", 400, "計画期間"),
        api("staff meeting without a title", "demo-area-jimukyoku", "POST", path, "{\"fiscalYear\": 2026}", 400,
            "会議名は必須"),
        api("staff meeting title too long", "demo-area-tantou", "POST", path,
            "{\"fiscalYear\": 2026, \"title\": \"" + "会".repeat(101) + "\"}", 400, "100文字以内"),
        api("staff meeting year as text", "demo-area-tantou", "POST", path,
            "{\"fiscalYear\": \"来年\", \"title\": \"第1回\"}", 400, "fiscalYear"),
        api("staff meeting by a member town's secretariat", "999101-jimukyoku", "POST", path,
            "{\"fiscalYear\": 2026, \"title\": \"第1回\"}", 403, "担当者会議"),
        api("staff meeting by a department", "env-staff", "POST", path,
            "{\"fiscalYear\": 2026, \"title\": \"第1回\"}", 403, "担当者会議"),
        api("staff meetings without a year", "demo-area-tantou", "GET", path, null, 400, "fiscalYear"));
  }

  Stream<Case> engineBodies() {
    return Stream.of(
        // Camunda's other endpoints read JSON with the same limits (SharedRestMapper); their refusals are
        // in Camunda's error shape with the /api wording, not Jersey's English text (issue #17)
        engine("/engine-rest duplicate key", "POST", "/engine-rest/task", "{\"name\": \"a\", \"name\": \"b\"}",
            "\"name\" が2回以上"),
        engine("/engine-rest malformed JSON", "POST", "/engine-rest/task/count", "{\"name\":", "JSON が正しくありません"),
        // an unknown property is skipped, but its nesting is read and counted
        engine("/engine-rest deeply nested", "POST", "/engine-rest/task", "{\"x\": " + "[".repeat(200)
            + "]".repeat(200) + "}", "入れ子"),
        engine("/engine-rest huge number", "POST", "/engine-rest/task", "{\"priority\": 1e100000000}",
            "JSON が正しくありません"),
        engine("/engine-rest too long number", "POST", "/engine-rest/task", "{\"priority\": " + "9".repeat(200) + "}",
            "数値は100文字まで"),
        engine("/engine-rest duplicate key in a variable", "PUT", "/engine-rest/process-instance/"
            + tasks.createTaskQuery().taskId(entry).singleResult().getProcessInstanceId() + "/variables/foo",
            "{\"type\": \"String\", \"value\": \"a\", \"value\": \"b\"}", "\"value\" が2回以上"));
  }

  /** A body Camunda's REST API cannot read: 400 in its error shape with a Japanese message. */
  private static Case engine(String name, String method, String path, String json, String message) {
    return api(name, "demo", method, path, json, 400, message);
  }

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Revised plan files that would rewrite a closed year or pull a measure from under an open task. */
  Stream<Case> planVersions() {
    java.util.function.BiFunction<String, String, String> revised = (block, plan) ->
        plan.replaceFirst("\\{", "{\"plan\": {" + block + "},");
    var period = "\"firstYear\": 2000, \"lastYear\": 2060, ";
    var retireEnv01 = demoPlan().replace("\"code\": \"ENV-01\",", "\"code\": \"ENV-01\", \"retiredFrom\": 2051,");
    return Stream.of(
        // other classes of the shared context may close later years of the demo city: the messages asserted
        // here hold whichever closed year comes first (PlanRevisionAfterPublicationTest and
        // PlanVersionOpenTasksTest assert each message whole)
        api("plan version effective in a closed year", "jimukyoku", "POST", "/api/plans",
            revised.apply(period + "\"effectiveYear\": 2000, \"reason\": \"改定\"", demoPlan()), 409,
            "2000年度から適用されるため読み込めません"),
        api("plan version retiring a measure under an open task (or in a closed year)", "jimukyoku", "POST",
            "/api/plans", revised.apply(period + "\"effectiveYear\": 2051, \"reason\": \"中間見直し\"", retireEnv01),
            409, "できません"),
        // the same refusals for the other ways a revised file reaches an open task of the cycle of 2052 (reviews 2051)
        api("plan version replacing a measure under an open task", "jimukyoku", "POST", "/api/plans",
            revised.apply(period + "\"effectiveYear\": 2051, \"reason\": \"改定\"", demoPlan()
                .replace("\"code\": \"ENV-01\",", "\"code\": \"ENV-01\", \"retiredFrom\": 2060,").replace("\"measures\": [",
                "\"measures\": [{\"code\": \"ENV-99\", \"department\": \"env\", \"name\": \"後継の施策\", \"sector\": \"家庭\","
                + " \"kind\": \"実施事業\", \"replaces\": \"ENV-01\"},")), 409, "できません"),
        api("plan version moving a measure of an open form to another department", "jimukyoku", "POST", "/api/plans",
            revised.apply(period + "\"effectiveYear\": 2051", demoPlan().replaceFirst(
                "\"code\": \"ENV-01\",\\s*\"department\": \"env\",", "\"code\": \"ENV-01\", \"department\": \"waste\",")),
            409, "できません"),
        api("plan version retiring an indicator an open form lists", "jimukyoku", "POST", "/api/plans",
            revised.apply(period + "\"effectiveYear\": 2051", demoPlan().replace("\"code\": \"GHG-OWN\",",
                "\"code\": \"GHG-OWN\", \"retiredFrom\": 2051,")), 409, "できません"),
        // governance years without a period to default to (docs/governance.md)
        api("/api plan: governance years every without from and no plan period", "demo", "POST", "/api/plans",
            demoPlan().replaceFirst("\\{", "{\"governance\": {\"bodies\": {\"committee\": {\"name\": \"審議会\","
                + " \"years\": {\"every\": 3}}}},"), 400,
            "governance の bodies の committee の years の from: 開始年度を指定するか"),
        api("plan reason unknown", "jimukyoku", "POST", "/api/plans",
            revised.apply(period + "\"effectiveYear\": 2055, \"reason\": \"見直し\"", demoPlan()), 400, "plan の reason"),
        api("plan period reversed", "jimukyoku", "POST", "/api/plans",
            revised.apply("\"firstYear\": 2030, \"lastYear\": 2021", demoPlan()), 400, "plan の lastYear"),
        api("plan effective year outside the period", "jimukyoku", "POST", "/api/plans",
            revised.apply(period + "\"effectiveYear\": 2070", demoPlan()), 400, "plan の effectiveYear"),
        api("measure replacing itself", "jimukyoku", "POST", "/api/plans",
            demoPlan().replace("\"code\": \"ENV-01\",", "\"code\": \"ENV-01\", \"replaces\": \"ENV-01\","), 400,
            "自分自身"),
        api("measure replacing a code the plan never had", "jimukyoku", "POST", "/api/plans",
            demoPlan().replace("\"code\": \"ENV-01\",", "\"code\": \"ENV-01\", \"replaces\": \"OLD-99\","), 400,
            "施策コード \"OLD-99\" はこれまでの計画にありません"),
        api("measure retired in no year of ours", "jimukyoku", "POST", "/api/plans",
            demoPlan().replace("\"code\": \"ENV-01\",", "\"code\": \"ENV-01\", \"retiredFrom\": 1800,"), 400,
            "retiredFrom"),
        api("versions of an unknown municipality", "demo", "GET", "/api/plans/000000/versions", null, 404, "000000"),
        api("diff of a version that does not exist", "jimukyoku", "GET", "/api/plans/999999/versions/1/diff/99", null,
            404, "第99版"),
        api("diff with a version number not a number", "jimukyoku", "GET", "/api/plans/999999/versions/x/diff/1",
            null, 400, "from"));
  }

  /** Starting a plan-period evaluation: refused before anything of the plan is read or stored. */
  Stream<Case> periodEvaluations() {
    var path = "/api/plans/999999/period-evaluations";
    return Stream.of(
        api("period evaluation without a kind", "jimukyoku", "POST", path, "{\"fiscalYear\": 2055}", 400, "kind: 評価の種類"),
        api("period evaluation of an unknown kind", "jimukyoku", "POST", path,
            "{\"fiscalYear\": 2055, \"kind\": \"ANNUAL\"}", 400, "ANNUAL"),
        api("period evaluation without a year", "jimukyoku", "POST", path, "{\"kind\": \"MIDTERM\"}", 400,
            "fiscalYear: 年度は必須です"),
        api("period evaluation year not a number", "jimukyoku", "POST", path,
            "{\"fiscalYear\": \"二〇五五\", \"kind\": \"MIDTERM\"}", 400, "fiscalYear"),
        api("period evaluation of an unknown municipality", "demo", "POST", "/api/plans/000000/period-evaluations",
            "{\"fiscalYear\": 2055, \"kind\": \"MIDTERM\"}", 404, "000000"),
        api("period evaluation not started", "jimukyoku", "GET", path + "/2099", null, 404, "開始されていません"),
        api("period evaluation year outside ours", "jimukyoku", "GET", path + "/1800", null, 400, "年度"),
        api("revision draft of an evaluation not started", "jimukyoku", "PUT", path + "/2099/draft", "{}", 404,
            "開始されていません"));
  }

  /** The demo plan with a governance block (docs/governance.md). */
  private static String withGovernance(String block) {
    var plan = demoPlan().stripTrailing();
    return plan.substring(0, plan.length() - 1) + ", \"governance\": " + block + "}";
  }

  private static String demoPlan() {
    try (var in = BadInputCatalogueTest.class.getResourceAsStream("/plan/demo-city.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String demoArea() {
    try (var in = BadInputCatalogueTest.class.getResourceAsStream("/plan/areas/demo-area.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] activityWorkbook(String amount) {
    var cells = new StringBuilder("<row r=\"1\">");
    Stream.of("部門", "小部門", "燃料", "活動量", "単位", "出典")
        .forEach(t -> cells.append("<c t=\"inlineStr\"><is><t>").append(t).append("</t></is></c>"));
    cells.append("</row><row r=\"2\">");
    Stream.of("運輸", "自動車", "ガソリン").forEach(t -> cells.append("<c t=\"inlineStr\"><is><t>").append(t)
        .append("</t></is></c>"));
    cells.append("<c><v>").append(amount).append("</v></c>");
    Stream.of("kL", "販売量").forEach(t -> cells.append("<c t=\"inlineStr\"><is><t>").append(t).append("</t></is></c>"));
    return new Workbook().sheet("worksheets/sheet1.xml", cells.append("</row>").toString()).bytes();
  }

  /** The entry form with valid measures and the first indicator's actual value as {@code number}, raw JSON. */
  private String withIndicatorValue(String number) {
    var variables = measures(rows -> {});
    var indicators = new ArrayList<Map<String, Object>>();
    indicatorRows.forEach(row -> indicators.add(new LinkedHashMap<>(row)));
    indicators.get(0).put("actualValue", "__NUMBER__");
    indicators.get(0).put("actualSource", "台帳");
    var json = Http.write(indicators).replace("\"__NUMBER__\"", number);
    variables.put("indicators", Map.of("type", "Json", "value", json));
    return Http.write(Map.of("variables", variables));
  }

  @AfterAll
  void theLogCheckCoveredTheFormErrors() {
    assertThat(inputRefusals).as("catalogue cases refused as form input (their log lines checked)")
        .isGreaterThanOrEqualTo(8);
  }

  /** The public opinion form's JSON (docs/opinions.md): the demo city's window of 2052 is not open yet. */
  Stream<Case> publicOpinions() {
    var path = "/public/opinions/999999/" + YEAR;
    var opinion = "{\"senderKind\": \"CITIZEN\", \"body\": \"" + SCRIPT_TEXT + " 意見です\", \"consent\": true,"
        + " \"token\": \"x\"}";
    return Stream.of(
        api("/public/opinions window not open", "anonymous", "POST", path, opinion, 409, "受け付けていません"),
        api("/public/opinions unknown town", "anonymous", "POST", "/public/opinions/999998/" + YEAR, opinion, 404,
            "意見を募集している年度ではありません"),
        api("/public/opinions year without a cycle", "anonymous", "POST", "/public/opinions/999999/2099", opinion, 404,
            "意見を募集している年度ではありません"),
        api("/public/opinions malformed JSON", "anonymous", "POST", path, "{\"body\": ", 400, "JSON として読めません"),
        api("/public/opinions unknown field", "anonymous", "POST", path, "{\"status\": \"ACCEPTED\"}", 400,
            "入力内容を確認してください"),
        new Case("/public/opinions not a form nor JSON", "anonymous", "POST", path, "text/plain",
            opinion.getBytes(StandardCharsets.UTF_8), 415, "送信の形式が正しくありません"));
  }

  private Map<String, Object> row(String measureCode) {
    var row = new LinkedHashMap<String, Object>(rows.get(0));
    row.put("measureCode", measureCode);
    return row;
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource({"catalogue", "numbers", "workbooks", "selfAssessmentWorkbooks", "years", "malformed", "engineBodies",
      "areas", "staffMeetings", "areaCycles", "planVersions", "periodEvaluations", "publicOpinions"})
  @Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS)
  void refusedWithAClearMessageAndNothingChanged(Case c, CapturedOutput output) {
    var before = snapshot();
    var logged = output.getOut().length();
    var response = Http.as(port, c.user()).send(c.method(), c.path(), c.contentType(), c.body());
    var log = output.getOut().substring(logged);

    assertThat(response.status()).as(response.toString()).isEqualTo(c.status());
    var json = response.json();
    var message = json.hasNonNull("detail") ? json.path("detail").asText() : json.path("message").asText();
    assertThat(message).as(response.toString()).contains(c.message());
    assertThat(message).as("a message in Japanese").containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    assertThat(message.codePoints()).as("no character cut in half: " + message)
        .noneMatch(ch -> ch >= Character.MIN_SURROGATE && ch <= Character.MAX_SURROGATE || ch == 0xFFFD);
    if (c.path().startsWith("/api/")) {
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    if (c.path().startsWith("/engine-rest/") && c.status() == 400 && c.contentType() != null) {
      // Camunda's error shape, which Tasklist and REST clients read
      assertThat(response.contentType()).as(response.toString()).startsWith("application/json");
      assertThat(json.path("type").asText()).as(response.toString()).isNotEmpty();
    }
    assertThat(snapshot()).isEqualTo(before);
    // a client's mistake is no server error: no ERROR line, no stack trace
    assertThat(log).as("log of " + c).doesNotContain(" ERROR ").doesNotContain("\tat ");
    // and the service still answers an ordinary request
    assertThat(Http.as(port, "demo").get("/api/municipalities").status()).isEqualTo(200);
    if (message.contains(INPUT_REFUSED) && c.path().startsWith("/engine-rest/")) {
      // a person's mistake: one INFO line, not the engine's ERROR with a stack trace
      assertThat(log).contains("INFO").contains("form input refused").doesNotContain("ENGINE-16004");
      inputRefusals++;
    }
  }

  /**
   * Sent chunked, a body has no Content-Length to judge it by: it is measured as it is read, refused
   * past the limit as one with a Content-Length is, and passed on whole when within it.
   */
  @Order(1)
  @Test
  void chunkedBodiesAreLimitedToo() {
    var big = "x".repeat(1024 * 1024 + 1);
    var before = snapshot();
    var plan = Http.as(port, "demo").postChunked("/api/plans", "application/json",
        ("{\"name\": \"" + big + "\"}").getBytes(StandardCharsets.UTF_8));
    var form = Http.as(port, "env-staff").postChunked("/engine-rest/task/" + entry + "/submit-form",
        "application/json", Http.write(Map.of("variables", withExtra("issues", big))).getBytes(StandardCharsets.UTF_8));
    for (var response : List.of(plan, form)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(413);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().path("detail").asText()).contains("大きすぎます", "1 MB");
    }
    assertThat(snapshot()).isEqualTo(before);

    // within the limit the body reaches the application whole: the plan check answers about its content
    var small = Http.as(port, "demo").postChunked("/api/plans", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(small.status()).as(small.toString()).isEqualTo(400);
    assertThat(small.json().path("detail").asText()).contains("計画");
    var extra = Http.as(port, "env-staff").postChunked("/engine-rest/task/" + entry + "/submit-form",
        "application/json", Http.write(Map.of("variables", withExtra("issues", "x"))).getBytes(StandardCharsets.UTF_8));
    assertThat(extra.status()).as(extra.toString()).isEqualTo(400);
    assertThat(extra.json().path("message").asText()).contains("\"issues\" はこのフォームの項目ではない");
    assertThat(snapshot()).isEqualTo(before);
  }

  /** The same bodies through the webapps' engine API, as a Tasklist session sends them. */
  @Order(1)
  @Test
  void theWebappsEngineApiAnswersUnreadableBodiesTheSameWay(CapturedOutput output) throws Exception {
    var session = jp.climatepdca.testing.WebappSession.logIn(port, "env-staff");
    for (var c : engineBodies().toList()) {
      var before = snapshot();
      var logged = output.getOut().length();
      var response = session.send(c.method(), c.path().replace("/engine-rest/", "/api/engine/engine/default/"),
          c.contentType(), c.body());
      assertThat(response.statusCode()).as(c + ": " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).as(c.name()).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/json"));
      var json = new Http.Response(response.statusCode(), null, null, response.body()).json();
      assertThat(json.path("type").asText()).as(c + ": " + response.body()).isNotEmpty();
      assertThat(json.path("message").asText()).as(c + ": " + response.body()).contains(c.message());
      assertThat(snapshot()).as(c.name()).isEqualTo(before);
      assertThat(output.getOut().substring(logged)).as("log of " + c).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }
  }

  /**
   * Drafts of the task's form (taskdraft) through the Tasklist session, as custom/task-drafts.js sends them: a
   * body no form holds is refused whole with a Japanese problem and no draft is stored.
   */
  @Order(1)
  @Test
  void draftsOfATaskFormRefuseWhatNoFormHolds() throws Exception {
    var session = jp.climatepdca.testing.WebappSession.logIn(port, "env-staff");
    record Bad(String name, String body, int status, String message) {}
    var bad = List.of(
        new Bad("over 256 KB", "{\"issues\": \"" + "x".repeat(256 * 1024) + "\"}", 413, "256 KB 以下にしてください"),
        new Bad("no JSON", "issues=x", 400, "JSON が正しくありません"),
        new Bad("empty", "", 400, "JSON"),
        new Bad("a list", "[{\"issues\": \"x\"}]", 400, "JSON オブジェクト"),
        new Bad("a text", "\"issues\"", 400, "JSON オブジェクト"),
        new Bad("a key twice", "{\"issues\": \"a\", \"issues\": \"b\"}", 400, "2回以上"),
        new Bad("nested 40 deep", "{\"a\":".repeat(40) + "1" + "}".repeat(40), 400, "入れ子"),
        new Bad("a 10,000-digit number", "{\"a\": " + "9".repeat(10_000) + "}", 400, "数値"),
        new Bad("something after the object", "{\"a\": 1} {\"b\": 2}", 400, "JSON"),
        new Bad("a name the form does not send (shown in its text)", "{\"measures\": [], \"departmentName\": \"偽の課\"}",
            400, "「departmentName」はこのフォームの項目ではありません"));
    for (var b : bad) {
      var before = snapshot();
      var response = session.send("PUT", "/api/climate-pdca/task-drafts/" + entry, "application/json",
          b.body().getBytes(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(b.name() + ": " + response.body()).isEqualTo(b.status());
      var json = new Http.Response(response.statusCode(), null, null, response.body()).json();
      assertThat(json.path("detail").asText()).as(b.name()).contains(b.message());
      assertThat(snapshot()).as(b.name()).isEqualTo(before);
    }
    var unknown = session.send("PUT", "/api/climate-pdca/task-drafts/no-such-task", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.body()).contains("この作業は見つかりません");
  }

  @Order(2)
  @Test
  void sqlAndScriptTextIsStoredVerbatimAsText() {
    var measures = plan.measures(CycleFixture.CITY).size();
    var staff = new TasklistClient(port, "env-staff");
    rows.forEach(row -> {
      row.put("achievements", SQL_TEXT);
      row.put("issues", SCRIPT_TEXT);
      row.put("nextSteps", BOTH_TEXT);
    });
    staff.complete(entry, Map.of("measures", rows));

    assertThat(db.queryForList("select achievements || '|' || issues || '|' || next_steps from self_assessment"
        + " where fiscal_year = ? and department_code = 'env'", String.class, YEAR))
        .hasSize(rows.size()).containsOnly(SQL_TEXT + "|" + SCRIPT_TEXT + "|" + BOTH_TEXT);
    assertThat(plan.measures(CycleFixture.CITY)).hasSize(measures);

    // the head sees the text as it was written, and returns it with a comment of the same kind
    var head = new TasklistClient(port, "env-head");
    var approval = head.await(KEY, TASK_HEAD_APPROVAL);
    assertThat(head.form(approval).get("assessments").get(0).path("issues").asText()).isEqualTo(SCRIPT_TEXT);
    head.complete(approval, Map.of("decision", "RETURN", "comment", BOTH_TEXT));
    assertThat(db.queryForObject("select comment from review_decision where task_id = ?", String.class, approval))
        .isEqualTo(BOTH_TEXT);
    var again = staff.await(KEY, TASK_ENTER);
    assertThat(staff.form(again).get("returnNotice").asText()).contains(BOTH_TEXT);
  }

  private Map<String, Object> snapshot() {
    var counts = new LinkedHashMap<String, Object>();
    TABLES.forEach(table -> counts.put(table, db.queryForObject("select count(*) from " + table, Long.class)));
    VALUES.forEach(query -> counts.put(query, String.valueOf(db.queryForObject(query, java.math.BigDecimal.class)
        .stripTrailingZeros())));
    return counts;
  }
}
