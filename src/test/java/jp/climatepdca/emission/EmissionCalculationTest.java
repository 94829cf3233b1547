package jp.climatepdca.emission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.UserInputException;
import jp.climatepdca.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The calculation against figures worked out by hand from the demo catalogue's published factors
 * (ガソリン 2.32 t-CO2/kL, LPG 3.00 t-CO2/t, 都市ガス 2.23 t-CO2/千Nm3, electricity 0.000441 t-CO2/kWh).
 * Every expected value is an exact decimal: the database rounds only to 6 places at the end.
 */
@AppTest
class EmissionCalculationTest {

  private static final String TOWN = "900001";
  private static final String HEADER = "部門,小部門,燃料,活動量,単位,出典,ガス\n";

  @Autowired
  ActivityImportService importer;

  @Autowired
  EmissionCalculator calculator;

  @Autowired
  InventoryReportService reports;

  @Autowired
  EmissionFactorService factors;

  @Autowired
  JdbcTemplate db;

  @Autowired
  void town(PlanService plan, PlanImportService plans) {
    EmissionTestTown.ensure(plan, plans, TOWN, 2013);
  }

  private InventoryReport calculate(int year, String rows, String reason) {
    importer.importCsv(TOWN, year, HEADER + rows, null, "test");
    calculator.calculate(TOWN, year, reason, "test");
    return reports.report(TOWN, year);
  }

  private static BigDecimal t(String value) {
    return new BigDecimal(value);
  }

  @Test
  void aMillionKilowattHoursAtTheIssuesFactorIs441Tonnes() {
    var report = calculate(2014, "業務その他,事務所,ELECTRICITY,1000000,kWh,電力会社の販売実績\n", "初回算定");

    assertThat(report.total()).isEqualTo(t("441.000000"));
    assertThat(sector(report, InventorySector.COMMERCIAL).byGas()).containsExactlyEntriesOf(
        java.util.Map.of(Gas.CO2, t("441.000000")));
    assertThat(report.version().version()).isEqualTo(1);
    assertThat(report.version().reason()).isEqualTo("初回算定");
  }

  @Test
  void unitsAreConvertedToTheFactorsUnitExactly() {
    var report = calculate(2015, """
        運輸,自動車,ガソリン,"12,345",L,燃料販売量統計
        運輸,自動車,軽油,0.5,kL,燃料販売量統計
        家庭,,LPG,2500,kg,LPガス販売量
        家庭,,都市ガス,100,千m3,ガス事業者の供給量
        産業,製造業,ELECTRICITY,1500,MWh,電力会社の販売実績
        廃棄物,一般廃棄物,WASTE_PLASTIC,10.25,t,清掃工場の組成調査
        """, "初回算定");

    // 12,345 L = 12.345 kL × 2.32 = 28.6404; 0.5 kL × 2.58 = 1.29
    var transport = sector(report, InventorySector.TRANSPORT);
    assertThat(transport.total()).isEqualTo(t("29.930400"));
    // 2,500 kg = 2.5 t × 3.00 = 7.5; 100 千m3 × 2.23 = 223
    assertThat(sector(report, InventorySector.HOUSEHOLD).total()).isEqualTo(t("230.500000"));
    // 1,500 MWh = 1,500,000 kWh × 0.000441 = 661.5
    assertThat(sector(report, InventorySector.INDUSTRY).total()).isEqualTo(t("661.500000"));
    // 10.25 t × 2.77 = 28.3925
    assertThat(sector(report, InventorySector.WASTE).total()).isEqualTo(t("28.392500"));
    assertThat(report.total()).isEqualTo(t("950.322900"));
  }

  @Test
  void aSectorFigureInTonnesIsAddedAsEnteredWithItsGas() {
    var report = calculate(2016, """
        産業,農林水産業,,1234.5,t-CO2,県の按分推計,CO2
        廃棄物,排水処理,,12.3,t-CO2,県の按分推計,CH4
        """, "初回算定");

    assertThat(sector(report, InventorySector.INDUSTRY).byGas()).containsEntry(Gas.CO2, t("1234.500000"));
    assertThat(sector(report, InventorySector.WASTE).byGas()).containsEntry(Gas.CH4, t("12.300000"));
    assertThat(report.total()).isEqualTo(t("1246.800000"));
  }

  @Test
  void recalculatingAfterRevisedStatisticsKeepsTheEarlierVersion() {
    calculate(2017, "家庭,,灯油,10,kL,灯油販売量（速報）\n", "初回算定");
    var revised = calculate(2017, "家庭,,灯油,12,kL,灯油販売量（確報）\n", "統計の確報値への改訂");

    assertThat(revised.total()).isEqualTo(t("29.880000"));
    assertThat(revised.version().version()).isEqualTo(2);
    assertThat(revised.versions()).extracting(VersionView::version, VersionView::current, VersionView::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true, "統計の確報値への改訂"),
            org.assertj.core.groups.Tuple.tuple(1, false, "初回算定"));
    // version 1's figures are kept as they were: 10 kL × 2.49
    assertThat(db.queryForObject("select r.t_co2 from emission_result r join emission_inventory i"
        + " on i.id = r.inventory_id where i.municipality_code = ? and i.inventory_year = 2017 and i.version = 1",
        BigDecimal.class, TOWN)).isEqualTo(t("24.900000"));
  }

  @Test
  void comparedWithTheBaseYearAndThePreviousYear() {
    calculate(2013, "家庭,,灯油,100,kL,灯油販売量\n業務その他,,A重油,40,kL,重油販売量\n", "基準年度");
    calculate(2019, "家庭,,灯油,90,kL,灯油販売量\n", "初回算定");
    var report = calculate(2020, "家庭,,灯油,80,kL,灯油販売量\n業務その他,,A重油,30,kL,重油販売量\n", "初回算定");

    // base 249 + 108.4 = 357.4; now 199.2 + 81.3 = 280.5: (280.5 − 357.4) / 357.4 = −21.516… %
    assertThat(report.baseYear().year()).isEqualTo(2013);
    assertThat(report.baseYear().total()).isEqualByComparingTo("357.4");
    assertThat(report.baseYear().changePercent()).isEqualTo(t("-21.5"));
    // previous year 224.1: (280.5 − 224.1) / 224.1 = +25.167… %
    assertThat(report.previousYear().total()).isEqualByComparingTo("224.1");
    assertThat(report.previousYear().changePercent()).isEqualTo(t("25.2"));
    assertThat(sector(report, InventorySector.HOUSEHOLD).changeFromBaseYearPercent()).isEqualTo(t("-20.0"));
  }

  @Test
  void aStatutoryFactorCannotBeChangedButAYearlyOneCan() {
    assertThatThrownBy(() -> factors.change("GASOLINE", Gas.CO2, 2013, t("2.30"), "誤り"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("法定の係数のため変更できません");
    factors.add(new FactorView("TEST_UTILITY", FactorKind.ELECTRICITY, "テスト電力（2005年度）", "kWh", Gas.CO2,
        t("0.000500"), 2005, 2005, "テスト用", false));
    assertThat(factors.change("TEST_UTILITY", Gas.CO2, 2005, t("0.000480"), "テスト用（訂正）").factor())
        .isEqualTo(t("0.000480"));
    assertThatThrownBy(() -> factors.add(new FactorView("TEST_UTILITY", FactorKind.ELECTRICITY, "重複", "kWh",
        Gas.CO2, t("0.0005"), 2004, 2006, "テスト用", false))).isInstanceOf(ConflictException.class);
  }

  @Test
  void aFileWithErrorsNamesEachRowAndFieldAndSavesNothing() {
    var before = uploads();
    assertThatThrownBy(() -> importer.importCsv(TOWN, 2018, HEADER + """
        家庭,,灯油,-5,kL,販売量
        家庭,,灯油,たくさん,kL,販売量
        家庭,,都市ガス,10,kL,販売量
        農業,,灯油,10,kL,販売量
        家庭,,水素,10,kL,販売量
        家庭,,灯油,10,kL,
        """, null, "test")).isInstanceOfSatisfying(UserInputException.class, e -> assertThat(e.errors()).containsExactly(
            "2行目 活動量: 0以上の数値で入力してください（-5）",
            "3行目 活動量: 数値で入力してください（\"たくさん\"）",
            "4行目 単位: 単位「kL」は燃料「都市ガス」の係数の単位（千Nm3）と合いません",
            "5行目 部門: 部門「農業」は使えません（産業・業務その他・家庭・運輸・廃棄物）",
            "6行目 燃料: 燃料「水素」は排出係数一覧にありません",
            "7行目 出典: 出典は必須です"));
    assertThat(uploads()).isEqualTo(before);
  }

  @Test
  void aYearWithoutAValidFactorIsRefused() {
    assertThatThrownBy(() -> importer.importCsv(TOWN, 2010, HEADER + "家庭,,ガソリン,1,kL,販売量\n", null, "test")
        .uploadId()).isInstanceOf(UserInputException.class).hasMessageContaining("2010年度に有効な排出係数がありません");
  }

  private int uploads() {
    return db.queryForObject("select count(*) from activity_upload where municipality_code = ?", Integer.class, TOWN);
  }

  private static InventoryReport.SectorFigure sector(InventoryReport report, InventorySector sector) {
    return report.sectors().stream().filter(s -> s.sector() == sector).findFirst().orElseThrow();
  }
}
