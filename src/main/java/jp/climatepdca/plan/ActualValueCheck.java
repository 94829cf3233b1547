package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.List;
import jp.climatepdca.system.NumberField;

/**
 * The rules an actual value obeys wherever it is entered (the self-assessment form, the secretariat's
 * API): a number the database column holds, and a source whenever there is a value.
 */
public final class ActualValueCheck {

  public static final int MAX_SOURCE = 200;
  /** numeric(20, 6): 14 digits before the point, 6 after (an indicator's base, target and actual values). */
  public static final NumberField VALUE = NumberField.below("-99999999999999.999999", "1e14", 6);

  private ActualValueCheck() {}

  /** A form's number field gives a number, a hand-made request may give text; blank means no value. */
  public static BigDecimal value(Object raw, String where, List<String> errors) {
    return plain(VALUE.parse(raw, where + "実績値", errors));
  }

  /** Checks a decimal against the column: at most 6 decimals, magnitude below 10^14. */
  static boolean number(BigDecimal value, String what, List<String> errors) {
    return VALUE.check(value, what, errors);
  }

  /** A value needs its source (出典); without a value the source is ignored. */
  public static String source(Object raw, BigDecimal value, String where, List<String> errors) {
    if (value == null) {
      return null;
    }
    if (raw != null && !(raw instanceof String)) {
      errors.add(where + "出典は文字で入力してください");
      return null;
    }
    var s = raw == null ? "" : ((String) raw).strip();
    if (s.isEmpty()) {
      errors.add(where + "実績値の出典を入力してください");
      return null;
    }
    if (s.length() > MAX_SOURCE) {
      errors.add(where + "出典は" + MAX_SOURCE + "文字以内で入力してください（" + s.length() + "文字）");
      return null;
    }
    return s;
  }

  /** 12.500000 from a numeric column as 12.5, and 100 as 100 rather than 1E+2, for forms and JSON. */
  public static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    var stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
