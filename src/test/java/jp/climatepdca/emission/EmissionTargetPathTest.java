package jp.climatepdca.emission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The target path worked by hand: 1,000,000 t in FY2013, −46 % by 2030 (540,000 t), net zero by 2050.
 * 2013→2030 falls 460,000/17 a year; 2030→2050 falls 540,000/20 = 27,000 a year.
 */
class EmissionTargetPathTest {

  private static final BigDecimal BASE = new BigDecimal("1000000");
  private static final EmissionTargetPath PATH = new EmissionTargetPath("x", 2013, BASE, "PLAN", List.of(
      EmissionTargetPath.milestone(BASE, 2030, new BigDecimal("46"), "2030"),
      EmissionTargetPath.milestone(BASE, 2050, new BigDecimal("100"), "ゼロ")));

  @Test
  void milestonesAreTheBaseCutByTheirPercent() {
    assertThat(PATH.milestones().get(0).total()).isEqualByComparingTo("540000");
    assertThat(PATH.milestones().get(1).total()).isEqualByComparingTo("0");
  }

  @Test
  void thePathIsAStraightLineBetweenBaseAndEachTarget() {
    assertThat(PATH.valueAt(2013)).isEqualByComparingTo("1000000");
    // 1,000,000 − 460,000 · 11/17 = 702,352.941176…
    assertThat(PATH.valueAt(2024)).isEqualByComparingTo("702352.941176");
    assertThat(PATH.valueAt(2030)).isEqualByComparingTo("540000");
    assertThat(PATH.valueAt(2040)).isEqualByComparingTo("270000");
    assertThat(PATH.valueAt(2050)).isEqualByComparingTo("0");
  }

  @Test
  void beforeTheBaseThereIsNoPathAndAfterTheLastTargetItStaysThere() {
    assertThat(PATH.valueAt(2012)).isNull();
    assertThat(PATH.valueAt(2060)).isEqualByComparingTo("0");
  }
}
