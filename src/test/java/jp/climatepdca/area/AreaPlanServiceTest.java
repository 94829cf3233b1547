package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.climatepdca.plan.IndicatorDirection;
import jp.climatepdca.plan.IndicatorView;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The read API other features use: an area's members lead first, its period, its shared measures in file order. */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaPlanServiceTest {

  @Autowired
  AreaPlanService service;

  @Autowired
  PlanImportService plans;

  @Autowired
  AreaRepository areas;

  @Autowired
  AreaMemberRepository members;

  @Autowired
  AreaMeasureRepository measures;

  @Autowired
  AreaMeasureMemberRepository roles;

  @Autowired
  AreaIndicatorRepository indicators;

  @Autowired
  AreaEmissionTargetRepository targets;

  @Autowired
  TransactionTemplate tx;

  @BeforeAll
  void storeAnArea() {
    for (var code : new String[] {"941801", "941802"}) {
      plans.importPlan(new ByteArrayInputStream(("""
          {"municipality": {"code": "%s", "name": "町%s"},
           "departments": [{"code": "kankyo", "name": "環境課"}],
           "measures": [{"code": "M-01", "department": "kankyo", "name": "省エネ", "sector": "HOUSEHOLD",
                         "kind": "IMPLEMENTATION"}]}
          """.formatted(code, code)).getBytes(StandardCharsets.UTF_8)));
    }
    tx.executeWithoutResult(s -> {
      var area = new Area("slice-area");
      area.update("試験圏域", "941802", 2021, 2030, 2013, "10-31", "demo", Instant.now());
      areas.save(area);
      members.save(new AreaMember("slice-area", "941802", 0));
      members.save(new AreaMember("slice-area", "941801", 1));
      var second = new AreaMeasure("slice-area", "AM-02");
      second.update("公共交通", "TRANSPORT", false, null, 1);
      var first = new AreaMeasure("slice-area", "AM-01");
      first.update("住宅の省エネ", "HOUSEHOLD", true, "断熱改修の支援", 0);
      measures.save(second);
      measures.save(first);
      roles.save(new AreaMeasureMember("slice-area", "AM-01", new MemberRole("941801", "IMPLEMENTATION", "M-01"), 0));
      roles.save(new AreaMeasureMember("slice-area", "AM-01", new MemberRole("941802", "STUDY", null), 1));
      roles.save(new AreaMeasureMember("slice-area", "AM-02", new MemberRole("941802", "IMPLEMENTATION", null), 2));
      var indicator = new AreaIndicator("slice-area", "AGHG");
      indicator.update(new IndicatorView("AGHG", "排出量", "千t-CO2", null, null, IndicatorDirection.LOWER, 2013,
          new BigDecimal("5000"), 2030, new BigDecimal("2700.5")), 0);
      indicators.save(indicator);
      targets.save(new AreaEmissionTarget("slice-area", new AreaEmissionTargetView(2030, new BigDecimal("46"), "中期")));
    });
  }

  @Test
  void anAreaIsFoundWithItsMembersLeadFirst() {
    var area = service.find("slice-area").orElseThrow();
    assertThat(area).isEqualTo(new AreaView("slice-area", "試験圏域", "941802", 2021, 2030, 2013, "10-31",
        java.util.List.of("941802", "941801")));
    assertThat(service.all()).extracting(AreaView::code).contains("slice-area");
    assertThat(service.find("941801")).isEmpty();
  }

  @Test
  void aMembersAreaIsTheOneWhosePeriodHoldsTheYear() {
    assertThat(service.areaOf("941801", 2021)).map(AreaView::code).contains("slice-area");
    assertThat(service.areaOf("941801", 2030)).map(AreaView::code).contains("slice-area");
    assertThat(service.areaOf("941801", 2020)).isEmpty();
    assertThat(service.areaOf("941801", 2031)).isEmpty();
    assertThat(service.areaOf("999999", 2025)).as("the demo city is not in this area").map(AreaView::code)
        .isNotEqualTo(java.util.Optional.of("slice-area"));
  }

  @Test
  void sharedMeasuresComeInFileOrderWithTheirMembers() {
    var shared = service.sharedMeasures("slice-area");
    assertThat(shared).extracting(SharedMeasureView::code).containsExactly("AM-01", "AM-02");
    assertThat(shared.get(0).keyProject()).isTrue();
    assertThat(shared.get(0).members()).containsExactly(new MemberRole("941801", "IMPLEMENTATION", "M-01"),
        new MemberRole("941802", "STUDY", null));
    assertThat(shared.get(1).members()).containsExactly(new MemberRole("941802", "IMPLEMENTATION", null));
    assertThat(service.sharedMeasures("no-such-area")).isEmpty();
  }

  @Test
  void indicatorsAndTargetsAreReadBack() {
    assertThat(service.indicators("slice-area")).singleElement()
        .satisfies(i -> assertThat(i.targetValue()).isEqualByComparingTo("2700.5"))
        .satisfies(i -> assertThat(i.baseValue().toPlainString()).isEqualTo("5000"));
    assertThat(service.emissionTargets("slice-area")).singleElement()
        .satisfies(t -> assertThat(t.reductionPercent().toPlainString()).isEqualTo("46"));
  }

  @Test
  void areaCodesAreKnownAndMunicipalityCodesAreNot() {
    assertThat(service.isArea("slice-area")).isTrue();
    assertThat(service.isArea("941801")).isFalse();
    assertThat(service.isArea(null)).isFalse();
  }
}
