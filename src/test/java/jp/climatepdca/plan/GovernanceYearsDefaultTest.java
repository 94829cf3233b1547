package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * A governance block's {@code years} rule takes the plan's period for the years it leaves out
 * (docs/governance.md): {@code from} the first year, {@code midTermYear} the middle, {@code finalYear} the
 * last. Checked on the rule as the file is read, without the application (the cycle asks
 * {@link PlanGovernance.Body#meetsIn} and nothing else).
 */
class GovernanceYearsDefaultTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void koganeiSampleStatesOnlyEveryThirdYearAndMeetsAsItsDocumentSays() throws IOException {
    PlanDocument doc;
    try (var in = new ClassPathResource("plan/samples/000-koganei.json").getInputStream()) {
      doc = json.readValue(in, PlanDocument.class);
    }
    assertThat(PlanFileValidator.validate(doc)).isEmpty();
    var governance = PlanGovernanceValidator.view(doc.governance(), doc.plan());
    // 「実施計画の3年毎、中間年度、最終年度」 of FY2021–FY2030
    assertThat(meetingYears(governance.headquarters(), 2021, 2031)).containsExactly(2021, 2024, 2025, 2027, 2030);
    assertThat(meetingYears(governance.committee(), 2021, 2031)).containsExactly(2021, 2024, 2025, 2027, 2030);
  }

  @Test
  void eachLeftOutYearTakesThePeriodsAndAWrittenOneStays() throws IOException {
    var governance = view("""
        {"firstYear": 2022, "lastYear": 2026}""", """
        {"every": 2, "finalYear": 2027}""");
    // from 2022, mid-term 2022 + (2026 - 2022) / 2 = 2024, final as written
    assertThat(governance.committee()).isEqualTo(new PlanGovernance.Body("審議会", null, 2, 2022, 2024, 2027));
    assertThat(meetingYears(governance.committee(), 2020, 2028)).containsExactly(2022, 2024, 2026, 2027);

    var odd = view("""
        {"firstYear": 2021, "lastYear": 2025}""", """
        {"every": 4, "from": 2023, "midTermYear": 2024}""");
    assertThat(odd.committee()).isEqualTo(new PlanGovernance.Body("審議会", null, 4, 2023, 2024, 2025));
    assertThat(PlanGovernance.midTermYear(2021, 2030)).isEqualTo(2025);
    assertThat(PlanGovernance.midTermYear(2021, 2025)).isEqualTo(2023);
  }

  /** Without {@code every}: the body meets only in the plan's mid-term and final years. */
  @Test
  void aRuleWithoutEveryMeetsInTheMidTermAndFinalYearsOnly() throws IOException {
    var governance = view("""
        {"firstYear": 2021, "lastYear": 2030}""", "{}");
    assertThat(meetingYears(governance.committee(), 2018, 2034)).containsExactly(2025, 2030);
  }

  /** A plan without a period has nothing to default to: the rule must say its years, as before. */
  @Test
  void withoutAPeriodTheRuleNamesItsYears() throws IOException {
    assertThat(errors(null, """
        {"every": 3}""")).containsExactly("governance の bodies の committee の years の from: 開始年度を指定するか、plan "
        + "ブロックに計画期間（firstYear, lastYear）を書いてください（書けば計画期間の初年度になります）");
    assertThat(errors(null, "{}")).containsExactly("governance の bodies の committee の years: 開催年度がありません（every と"
        + " from、midTermYear、finalYear のいずれかを指定するか、plan ブロックに計画期間を書いてください）");
    assertThat(errors("""
        {"firstYear": 2021, "lastYear": 2030}""", """
        {"from": 2021, "finalYear": 2030}""")).containsExactly(
        "governance の bodies の committee の years の from: 開始年度（from）は何年ごとに開くか（every）と一緒に指定してください");
    // the rule as it was written before the defaults keeps its meaning
    var written = view(null, """
        {"every": 3, "from": 2021, "midTermYear": 2025, "finalYear": 2030}""");
    assertThat(meetingYears(written.committee(), 2021, 2031)).containsExactly(2021, 2024, 2025, 2027, 2030);
    // no rule: every year
    var everyYear = PlanGovernanceValidator.view(parse("""
        {"firstYear": 2021, "lastYear": 2030}""", null).governance(), null);
    assertThat(meetingYears(everyYear.committee(), 2021, 2024)).containsExactly(2021, 2022, 2023);
  }

  private PlanGovernance view(String plan, String years) throws IOException {
    var doc = parse(plan, years);
    assertThat(PlanFileValidator.validate(doc)).isEmpty();
    return PlanGovernanceValidator.view(doc.governance(), doc.plan());
  }

  private List<String> errors(String plan, String years) throws IOException {
    return PlanFileValidator.validate(parse(plan, years));
  }

  private PlanDocument parse(String plan, String years) throws IOException {
    return json.readValue("""
        {%s"municipality": {"code": "961401", "name": "年度村"},
         "departments": [{"code": "kankyo", "name": "環境課"}],
         "governance": {"bodies": {"committee": {"name": "審議会"%s}}}}
        """.formatted(plan == null ? "" : "\"plan\": " + plan + ", ",
        years == null ? "" : ", \"years\": " + years), PlanDocument.class);
  }

  private static List<Integer> meetingYears(PlanGovernance.Body body, int from, int to) {
    return IntStream.range(from, to).filter(body::meetsIn).boxed().toList();
  }
}
