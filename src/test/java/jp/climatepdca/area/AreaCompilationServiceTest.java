package jp.climatepdca.area;

import static jp.climatepdca.area.ReportArea.AREA;
import static jp.climatepdca.area.ReportArea.COMPLETE_YEAR;
import static jp.climatepdca.area.ReportArea.EAST;
import static jp.climatepdca.area.ReportArea.SOUTH;
import static jp.climatepdca.area.ReportArea.WEST;
import static jp.climatepdca.area.ReportArea.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.climatepdca.area.AreaCompilation.MemberEmissions;
import jp.climatepdca.area.AreaCompilation.MemberProgress;
import jp.climatepdca.assessment.AssessmentInput;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.review.ReviewRecord;
import jp.climatepdca.testing.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The compilation of an area of three towns ({@link ReportArea}): sums by sector and gas over the members'
 * accepted inventory versions, each version named, a member without one listed and counted nowhere, the
 * base year and the target path, and every shared measure's progress from submitted results only.
 */
@AppTest
class AreaCompilationServiceTest {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  AreaCompilationService compilations;

  @Autowired
  AreaPlanService areas;

  @Autowired
  SelfAssessmentService assessments;

  @Autowired
  ReviewLog reviews;

  @BeforeEach
  void area() {
    ReportArea.ensure(port, context);
  }

  private AreaCompilation compute(int fiscalYear) {
    return compilations.compute(areas.find(AREA).orElseThrow(), fiscalYear, 1, java.time.Instant.now());
  }

  @Test
  void sumsTheMembersAcceptedVersionsBySectorAndGasAndListsAMemberWithoutOne() {
    var c = compute(YEAR);
    assertThat(c.inventoryYear()).isEqualTo(2024);
    assertThat(c.reviewYear()).isEqualTo(2025);
    assertThat(c.members()).extracting(MemberEmissions::code).containsExactly(EAST, WEST, SOUTH);

    var east = c.members().get(0);
    // version 2 (9,999 t) awaits its check: the accepted version 1 is counted, and the note says why
    assertThat(east.lead()).isTrue();
    assertThat(east.version()).isEqualTo(1);
    assertThat(east.versionLabel()).isEqualTo("第1版（初回算定）");
    assertThat(east.note()).contains("第2版は確認されていない", "第1版を集計");
    assertThat(east.total()).isEqualByComparingTo("1600");
    assertThat(east.byGas()).containsOnlyKeys("CO2", "CH4");
    assertThat(east.byGas().get("CH4")).isEqualByComparingTo("100");
    assertThat(east.baseYearTotal()).isEqualByComparingTo("2000");
    assertThat(east.changeFromBaseYearPercent()).isEqualByComparingTo("-20.0");

    var west = c.members().get(1);
    assertThat(west.versionLabel()).isEqualTo("第1版（初回算定）");
    assertThat(west.note()).isNull();
    assertThat(west.total()).isEqualByComparingTo("2300");

    var south = c.members().get(2);
    assertThat(south.missing()).isTrue();
    assertThat(south.version()).isNull();
    assertThat(south.total()).isNull();
    assertThat(south.note()).contains("2024年度の確認済みの排出量がありません");
    assertThat(c.missingInventories()).containsExactly("南村");
    assertThat(c.complete()).isFalse();

    // 南村's calculated 700 t is in no sum
    assertThat(c.total()).isEqualByComparingTo("3900");
    assertThat(sectorTotals(c)).containsExactly(Map.entry("産業部門", "3000"), Map.entry("家庭部門", "500"),
        Map.entry("運輸部門", "300"), Map.entry("廃棄物分野", "100"));
    assertThat(c.sectors().get(0).byMember()).containsOnlyKeys(EAST, WEST);
    assertThat(c.gases()).extracting(AreaCompilation.GasSum::gas).containsExactly("CO2", "CH4");
    assertThat(c.gases().get(0).total()).isEqualByComparingTo("3800");
    assertThat(c.gases().get(1).total()).isEqualByComparingTo("100");

    // the base year is known for all three, but a part of the area is not compared with it or the path
    assertThat(c.baseYear().total()).isEqualByComparingTo("5500");
    assertThat(c.baseYear().changePercent()).isNull();
    assertThat(c.targets()).singleElement().satisfies(t -> assertThat(t.total()).isEqualByComparingTo("2970"));
    assertThat(c.targetPath().pathTotal()).isNotNull();
    assertThat(c.targetPath().onTrack()).isNull();
  }

  @Test
  void theTotalsForTheAreaCyclesStatusAreTheCompilations() {
    assertThat(compilations.areaTotal(AREA, 2035)).isEmpty();
    assertThat(compilations.areaTotal(AREA, YEAR).orElseThrow()).isEqualByComparingTo("3900");
    assertThat(compilations.memberTotal(AREA, YEAR, EAST).orElseThrow()).isEqualByComparingTo("1600");
    assertThat(compilations.memberTotal(AREA, YEAR, SOUTH)).isEmpty();
    assertThat(compilations.memberTotal(AREA, YEAR, "999999")).isEmpty();
  }

  @Test
  void aCompleteAreaIsComparedWithItsBaseYearAndTargetPath() {
    var c = compute(COMPLETE_YEAR);
    assertThat(c.inventoryYear()).isEqualTo(2025);
    assertThat(c.complete()).isTrue();
    assertThat(c.total()).isEqualByComparingTo("3600");
    // (3,600 − 5,500) / 5,500
    assertThat(c.baseYear().changePercent()).isEqualByComparingTo("-34.5");
    // 5,500 + (2,970 − 5,500) × 12/17 = 3,714.117647: 3,600 is 3.1% below it
    assertThat(c.targetPath().pathTotal()).isEqualByComparingTo("3714.117647");
    assertThat(c.targetPath().gapPercent()).isEqualByComparingTo("-3.1");
    assertThat(c.targetPath().onTrack()).isTrue();
  }

  @Test
  void everySharedMeasuresProgressComesFromSubmittedResultsOnly() {
    var c = compute(YEAR);
    assertThat(c.measures()).extracting(AreaCompilation.SharedMeasureProgress::code).containsExactly("AM-01", "AM-02");
    assertThat(c.keyProjects()).extracting(AreaCompilation.SharedMeasureProgress::code).containsExactly("AM-01");
    var key = c.measures().get(0);
    assertThat(key.sector()).isEqualTo("家庭部門");
    assertThat(key.members()).extracting(MemberProgress::name, MemberProgress::progressLabel, MemberProgress::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("東町", "順調", "ASSESSED"),
            // returned once by its headquarters, then approved: submitted
            org.assertj.core.groups.Tuple.tuple("西町", "遅れ", "ASSESSED"),
            // approved, then returned: its result is not with the area, its self-assessment not read
            org.assertj.core.groups.Tuple.tuple("南村", "未提出", "NOT_SUBMITTED"));
    assertThat(key.members().get(0).achievements()).isEqualTo("断熱改修を20件補助した");
    assertThat(key.members().get(2).achievements()).isNull();
    assertThat(c.measures().get(1).members()).extracting(MemberProgress::progressLabel, MemberProgress::kindLabel)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("完了", "実施事業"),
            org.assertj.core.groups.Tuple.tuple("対応する施策なし", "検討事業"));
    assertThat(c.progressCounts()).containsExactly(Map.entry("完了", 1L), Map.entry("順調", 1L), Map.entry("遅れ", 1L),
        Map.entry("未提出", 1L), Map.entry("対応する施策なし", 1L));
  }

  @Test
  void aStoredCompilationKeepsWhatTheMeetingSawAndTheAgendaSaysIt() {
    assessments.save(EAST, 2030, "kankyo", List.of(new AssessmentInput("M-01", Progress.ON_TRACK, "当初の自己評価", null,
        null)), "east-staff");
    reviews.record(new ReviewRecord(EAST, 2030, null, ReviewLevel.HEADQUARTERS, ReviewOutcome.APPROVE, null,
        "report-area-hq-2030", "honbu", java.time.Instant.now()));
    var first = compilations.compile(AREA, 2030, "rep-area-jimukyoku");
    assertThat(compilations.latest(AREA, 2030).orElseThrow()).isEqualTo(first);
    assertThat(first.measures().get(0).members().get(0).achievements()).isEqualTo("当初の自己評価");
    // the member changes its data afterwards: the stored compilation does not change, the next one shows it
    assessments.save(EAST, 2030, "kankyo", List.of(new AssessmentInput("M-01", Progress.DELAYED, "修正後の自己評価", null,
        null)), "east-staff");
    assertThat(compilations.latest(AREA, 2030).orElseThrow()).isEqualTo(first);
    var second = compilations.compile(AREA, 2030, "rep-area-jimukyoku");
    assertThat(second.number()).isEqualTo(first.number() + 1);
    assertThat(compilations.latest(AREA, 2030).orElseThrow().measures().get(0).members().get(0).achievements())
        .isEqualTo("修正後の自己評価");

    compilations.compile(AREA, YEAR, "rep-area-jimukyoku");
    var agenda = compilations.agendaSummary(AREA, YEAR);
    assertThat(agenda).contains("報告テスト圏域", "2026年度（令和8年度）", "圏域合計: 3,900", "南村",
        "確認済みの排出量がない市町村（合計に含みません）: 南村", "東町（事務局）: 1,600　第1版（初回算定）",
        "西町: 2,300　第1版（初回算定）", "◎【重点事業】AM-01 住宅の省エネ化", "西町（実施事業）: 遅れ ― 申請が少なかった",
        "南村（実施事業）: 未提出", "部門別: 産業部門 3,000", "ガス別: CO2 3,800、CH4 100");
    assertThat(agenda.indexOf("AM-01")).isLessThan(agenda.indexOf("AM-02"));
    assertThat(compilations.agendaSummary(AREA, 2031)).isEqualTo("報告テスト圏域の2031年度の取りまとめはまだありません。");
  }

  private static Map<String, String> sectorTotals(AreaCompilation c) {
    var totals = new java.util.LinkedHashMap<String, String>();
    c.sectors().forEach(s -> totals.put(s.label(), s.total().stripTrailingZeros().toPlainString()));
    return totals;
  }
}
