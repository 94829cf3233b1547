package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The plan years each version is in force, as GET …/versions shows them (inForceFrom/Until/Label): they must
 * be exactly the years {@link PlanDefinitions#versionInForce} gives each version, including a version a later
 * one shadows completely (a revision loaded with an earlier effective year).
 */
class PlanVersionYearsInForceTest {

  @Test
  void labels() {
    assertThat(labels(versions((Integer) null))).containsExactly("全年度");
    assertThat(labels(versions(null, 2026))).containsExactly("〜2025年度", "2026年度〜");
    assertThat(labels(versions(2021, 2026, 2028))).containsExactly("〜2025年度", "2026年度〜2027年度", "2028年度〜");
    assertThat(labels(versions(null, 2026, 2024))).containsExactly("〜2023年度", "なし（第3版が2024年度から適用）",
        "2024年度〜");
    assertThat(labels(versions(null, null))).containsExactly("なし（第2版が最初から適用）", "全年度");
  }

  @Test
  void theYearsAreThoseTheVersionGovernsWhenACycleAsks() {
    for (var all : List.of(versions(null, 2026), versions(2021, 2026, 2028), versions(null, 2026, 2024),
        versions(null, null), versions(2025, 2023, 2030, 2027), versions(2030))) {
      IntStream.rangeClosed(2015, 2035).forEach(year -> {
        var governing = PlanDefinitions.versionInForce(all, year).orElseThrow().number();
        for (var v : all) {
          var years = PlanVersionKey.yearsInForce(all, v.number());
          var covers = years.isPresent() && (years.get().from() == null || years.get().from() <= year)
              && (years.get().until() == null || year <= years.get().until());
          assertThat(covers).as("version %d in %d of %s", v.number(), year, all).isEqualTo(v.number() == governing);
        }
      });
    }
  }

  private static List<String> labels(List<PlanVersionKey> all) {
    return all.stream().map(v -> PlanVersionKey.yearsLabel(all, v.number(), PlanVersionKey.yearsInForce(all, v.number())))
        .toList();
  }

  private static List<PlanVersionKey> versions(Integer... effectiveYears) {
    var all = new ArrayList<PlanVersionKey>();
    for (int i = 0; i < effectiveYears.length; i++) {
      all.add(new PlanVersionKey((long) i + 1, i + 1, effectiveYears[i]));
    }
    return all;
  }
}
