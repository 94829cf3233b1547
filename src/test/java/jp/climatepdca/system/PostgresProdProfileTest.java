package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.emission.ActivityImportService;
import jp.climatepdca.emission.EmissionCalculator;
import jp.climatepdca.emission.EmissionFactorService;
import jp.climatepdca.emission.FactorKind;
import jp.climatepdca.emission.FactorView;
import jp.climatepdca.emission.Gas;
import jp.climatepdca.emission.InventoryReportService;
import jp.climatepdca.emission.LocalFactorService;
import jp.climatepdca.emission.LocalFactorView;
import jp.climatepdca.evaluation.IndicatorGrade;
import jp.climatepdca.evaluation.IndicatorService;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.testing.ProdProfileOnPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The prod profile as docker/compose.yaml runs it, on a real PostgreSQL: only the environment variables
 * the compose file sets, Flyway's schema, the administrator from the environment and nothing of the demo.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class PostgresProdProfileTest extends ProdProfileOnPostgres {

  @Autowired
  DataSource dataSource;

  @Autowired
  IdentityService identity;

  @Autowired
  PlanImportService importer;

  @Autowired
  CycleStarter starter;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ProcessEngineConfigurationImpl engine;

  @Autowired
  HealthEndpoint health;

  @Test
  void readyForAClusterWithHistoryCleanup() {
    assertThat(engine.isJobExecutorDeploymentAware()).isFalse();
    assertThat(engine.isJobExecutorAcquireExclusiveOverProcessHierarchies()).isTrue();
    assertThat(engine.isHistoryCleanupEnabled()).isTrue();
    assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(engine.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
    // application.yaml's engine properties stay: the profile's map adds to them
    // (the engine's own lockout is off: LoginThrottle counts per account and client instead)
    assertThat(engine.getLoginDelayBase()).isZero();
    assertThat(engine.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(engine.isEnforceHistoryTimeToLive()).isTrue();
  }

  @Test
  void readinessAsksTheDatabaseAndTheEngine() {
    var readiness = (CompositeHealth) health.healthForPath("readiness");
    assertThat(readiness.getStatus()).isEqualTo(Status.UP);
    assertThat(readiness.getComponents()).containsKeys("readinessState", "db", "processEngine");
    assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void flywayBuiltTheSchemaOnPostgres() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    var jdbc = new JdbcTemplate(dataSource);
    var tables = jdbc.queryForList(
        "select table_name from information_schema.tables where table_schema = 'public'", String.class);
    assertThat(tables).contains("municipality", "measure", "self_assessment", "review_decision", "act_ru_execution");
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class))
        .isZero();
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
        .isPositive();
  }

  @Test
  void theAdministratorComesFromTheEnvironment() {
    assertThat(identity.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
    assertThat(identity.createUserQuery().userId(ADMIN).memberOfGroup(GroupNames.ADMIN).count()).isEqualTo(1);
  }

  @Test
  void nothingOfTheDemoIsSeeded() {
    assertThat(identity.createUserQuery().userIdIn("demo", "jimukyoku", "env-staff").list()).isEmpty();
  }

  @Autowired
  EmissionFactorService factors;

  @Autowired
  ActivityImportService activityData;

  @Autowired
  EmissionCalculator calculator;

  @Autowired
  InventoryReportService inventories;

  /** The calculation's SQL (NUMERIC arithmetic, cast, boolean current flag) as PostgreSQL runs it. */
  @Test
  void emissionsAreCalculatedOnPostgres() throws Exception {
    try (var plan = new ClassPathResource("plan/demo-city.json").getInputStream()) {
      importer.importPlan(plan);
    }
    factors.add(new FactorView("PG_ELECTRICITY", FactorKind.ELECTRICITY, "テスト電力", "kWh", Gas.CO2,
        new BigDecimal("0.000441"), 2020, null, "テスト用", false));
    var csv = "部門,小部門,燃料,活動量,単位,出典\n業務その他,,PG_ELECTRICITY,1500,MWh,販売実績\n"
        + "産業,,,12.5,t-CO2,推計\n";
    activityData.importCsv("999999", 2022, csv, "初回算定", ADMIN);
    calculator.calculateLatest("999999", 2022, ADMIN);
    calculator.calculate("999999", 2022, "再算定", ADMIN);

    var report = inventories.report("999999", 2022);
    // 1,500 MWh = 1,500,000 kWh × 0.000441 = 661.5, plus 12.5 t-CO2
    assertThat(report.total()).isEqualTo(new BigDecimal("674.000000"));
    assertThat(report.version().version()).isEqualTo(2);
    assertThat(report.versions()).hasSize(2);
  }

  @Test
  void aPlanLoadsAndItsCycleStartsOnPostgres() throws Exception {
    try (var plan = new ClassPathResource("plan/demo-city.json").getInputStream()) {
      var imported = importer.importPlan(plan);
      assertThat(imported.municipality()).isEqualTo("999999");
      assertThat(imported.measures()).isPositive();
    }

    var cycle = starter.start("999999", 2030, ADMIN);

    assertThat(cycle.businessKey()).isEqualTo("999999:2030");
    var instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey("999999:2030").list();
    assertThat(instances).extracting(i -> i.getId()).isEqualTo(List.of(cycle.processInstanceId()));
  }

  @Autowired
  PlanIndicatorService indicators;

  @Autowired
  IndicatorService grades;

  @Autowired
  LocalFactorService localFactors;

  /** Indicators, their grades, the target path and a local factor, as PostgreSQL stores and computes them. */
  @Test
  void indicatorsTargetPathAndLocalFactorsOnPostgres() throws Exception {
    try (var plan = new ClassPathResource("plan/demo-city.json").getInputStream()) {
      importer.importPlan(plan);
    }
    indicators.record("999999", 2027, List.of(new ActualValueInput("ENV-01-1", new BigDecimal("45"), "台帳")), ADMIN);
    var env = grades.grades("999999", 2028).stream().filter(g -> g.code().equals("ENV-01-1")).findFirst().orElseThrow();
    // 12 (2022) → 60 (2030): path 2027 = 42, so 45 is on track
    assertThat(env.grade()).isEqualTo(IndicatorGrade.ON_TRACK);
    assertThat(env.pathValue()).isEqualByComparingTo("42");

    factors.add(new FactorView("PG_GRID", FactorKind.ELECTRICITY, "テスト電力（地域）", "kWh", Gas.CO2,
        new BigDecimal("0.000441"), 2020, null, "テスト用", false));
    localFactors.add("999999", new LocalFactorView("999999", "PG_GRID", Gas.CO2, new BigDecimal("0.0003"), 2023, 2023,
        "地域新電力の公表値", null, null), ADMIN);
    activityData.importCsv("999999", 2023, "部門,小部門,燃料,活動量,単位,出典\n業務その他,,PG_GRID,1000,MWh,販売実績\n",
        "初回算定", ADMIN);
    calculator.calculateLatest("999999", 2023, ADMIN);
    var report = inventories.report("999999", 2023);
    assertThat(report.total()).isEqualByComparingTo("300");
    // the plan's 1,250,000 t in 2013 towards 675,000 t in 2030: 1,250,000 − 575,000 × 10/17
    assertThat(report.targetPath().pathTotal()).isEqualByComparingTo("911764.705882");
  }

}
