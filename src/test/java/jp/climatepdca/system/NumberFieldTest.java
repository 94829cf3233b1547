package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared number check: bounds as the columns hold them, and no cost for numbers no field holds. */
@Timeout(10)
class NumberFieldTest {

  private static final NumberField VALUE = NumberField.below("-99999999999999.999999", "1e14", 6);
  private static final NumberField PERCENT = NumberField.between("0", "100", 2);

  @ParameterizedTest
  @ValueSource(strings = {"1e100000000", "-1e100000000", "1e-100000000", "-1e-100000000", "9e2147483647",
      "1e-2147483647"})
  void aNumberNoFieldHoldsIsRefusedWithAShortMessage(String text) {
    var errors = new ArrayList<String>();

    assertThat(VALUE.check(new BigDecimal(text), "value: 実績値", errors)).isFalse();

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("value: 実績値").hasSizeLessThan(200);
  }

  @Test
  void aTenThousandDigitNumberIsRefusedAsTextBeforeItIsParsed() {
    var errors = new ArrayList<String>();

    assertThat(VALUE.parse("9".repeat(10_000), "実績値", errors)).isNull();

    assertThat(errors).singleElement().asString().contains("数値で入力してください").hasSizeLessThan(200);
  }

  @Test
  void aTenThousandDigitDecimalIsRefusedAsTooLarge() {
    var errors = new ArrayList<String>();

    assertThat(VALUE.check(new BigDecimal("9".repeat(10_000)), "実績値", errors)).isFalse();

    assertThat(errors).singleElement().asString().contains("大きすぎます").hasSizeLessThan(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e", "0x10", "１２", "12abc"})
  void textThatIsNoDecimalIsRefused(String text) {
    var errors = new ArrayList<String>();

    assertThat(VALUE.parse(text, "実績値", errors)).isNull();

    assertThat(errors).singleElement().asString().contains("数値で入力してください");
  }

  @Test
  void infiniteDoublesAreRefused() {
    var errors = new ArrayList<String>();

    assertThat(VALUE.parse(Double.POSITIVE_INFINITY, "実績値", errors)).isNull();
    assertThat(VALUE.parse(Double.NaN, "実績値", errors)).isNull();

    assertThat(errors).hasSize(2);
  }

  @Test
  void theBoundsAreTheColumnsBounds() {
    var errors = new ArrayList<String>();

    assertThat(VALUE.check(new BigDecimal("99999999999999.999999"), "v", errors)).isTrue();
    assertThat(VALUE.check(new BigDecimal("-99999999999999.999999"), "v", errors)).isTrue();
    assertThat(VALUE.check(new BigDecimal("0.000001"), "v", errors)).isTrue();
    assertThat(VALUE.check(new BigDecimal("12.5000000000"), "v", errors)).as("trailing zeros are no decimals").isTrue();
    assertThat(errors).isEmpty();

    assertThat(VALUE.check(new BigDecimal("1e14"), "v", errors)).isFalse();
    assertThat(VALUE.check(new BigDecimal("-100000000000000"), "v", errors)).isFalse();
    assertThat(VALUE.check(new BigDecimal("0.0000001"), "v", errors)).isFalse();
    assertThat(errors).containsExactly(
        "vが大きすぎます（100000000000000）。100,000,000,000,000未満で指定してください",
        "vは-99,999,999,999,999.999999以上で指定してください（-100000000000000）",
        "vの小数は6桁までです（0.0000001）");
  }

  @Test
  void anInclusiveRangeAllowsItsEnds() {
    var errors = new ArrayList<String>();

    assertThat(PERCENT.parse("100", "削減率", errors)).isEqualByComparingTo("100");
    assertThat(PERCENT.parse("0", "削減率", errors)).isEqualByComparingTo("0");
    assertThat(PERCENT.parse("1,5", "削減率", errors)).as("a thousands separator").isEqualByComparingTo("15");
    assertThat(errors).isEmpty();

    assertThat(PERCENT.parse("100.01", "削減率", errors)).isNull();
    assertThat(errors).containsExactly("削減率が大きすぎます（100.01）。100以下で指定してください");
  }

  @Test
  void integersOfEveryJsonSizeAreChecked() {
    var errors = new ArrayList<String>();

    assertThat(VALUE.parse(42, "v", errors)).isEqualByComparingTo("42");
    assertThat(VALUE.parse(Long.MAX_VALUE, "v", errors)).isNull();
    assertThat(VALUE.parse(new java.math.BigInteger("9".repeat(99)), "v", errors)).isNull();

    assertThat(errors).hasSize(2).allMatch(e -> e.contains("大きすぎます"));
    assertThat(VALUE.parse(List.of(1), "v", errors)).as("a list is no number").isNull();
    assertThat(errors).last().asString().contains("数値で入力してください");
  }
}
