package jp.climatepdca.system;

import java.math.BigDecimal;
import java.util.List;

/**
 * The range and the decimals one numeric field accepts, checked where the number comes in, before any
 * arithmetic. A decimal such as {@code 1e100000000} is eleven characters and a tiny object, but its plain
 * text or any sum with it has a hundred million digits: so nothing here computes with the value or
 * prints it in full until its size is known to fit. The magnitude is judged from precision and scale
 * alone, and a value shown in a message is cut short.
 *
 * @param min smallest value allowed (inclusive)
 * @param max largest value allowed; {@code maxInclusive} says whether it is allowed itself
 * @param scale most digits after the decimal point
 */
public record NumberField(BigDecimal min, BigDecimal max, boolean maxInclusive, int scale) {

  /** A number typed as text longer than this is no number a field of ours holds (commas included). */
  public static final int MAX_TEXT = 40;

  /** Digits shown of a refused value: enough to recognise it, never a megabyte of it. */
  private static final int SHOWN = 24;

  public NumberField {
    if (min.compareTo(max) > 0 || scale < 0) {
      throw new IllegalArgumentException("min > max or a negative scale");
    }
  }

  /** A field from {@code min} up to, not including, {@code below}. */
  public static NumberField below(String min, String below, int scale) {
    return new NumberField(new BigDecimal(min), new BigDecimal(below), false, scale);
  }

  /** A field from {@code min} to {@code max}, both included. */
  public static NumberField between(String min, String max, int scale) {
    return new NumberField(new BigDecimal(min), new BigDecimal(max), true, scale);
  }

  /**
   * Whether {@code value} fits; if not, one message is added that starts with {@code what}, the field
   * as the person knows it ("value: 実績値", "3行目 活動量"). Null is not judged here: whether a value is
   * required is the caller's rule.
   */
  public boolean check(BigDecimal value, String what, List<String> errors) {
    if (value == null) {
      return true;
    }
    var format = new java.text.DecimalFormat("#,##0.##########");
    var tooLarge = !withinMagnitude(value) && value.signum() > 0
        || (maxInclusive ? value.compareTo(max) > 0 : value.compareTo(max) >= 0);
    if (tooLarge) {
      errors.add(what + "が大きすぎます（" + shown(value) + "）。" + format.format(max)
          + (maxInclusive ? "以下" : "未満") + "で指定してください");
      return false;
    }
    if (!withinMagnitude(value) || value.compareTo(min) < 0) {
      errors.add(what + "は" + format.format(min) + "以上で指定してください（" + shown(value) + "）");
      return false;
    }
    if (decimals(value) > scale) {
      errors.add(what + (scale == 0 ? "は整数で指定してください（" : "の小数は" + scale + "桁までです（") + shown(value) + "）");
      return false;
    }
    return true;
  }

  /**
   * A number from text or from a parsed JSON value (form rows give BigDecimal, Integer or text; a
   * hand-made request anything). Blank is null. Thousands separators are allowed; text longer than
   * {@link #MAX_TEXT}, NaN, Infinity and anything not a decimal are refused before they are parsed.
   */
  public BigDecimal parse(Object raw, String what, List<String> errors) {
    if (raw == null || raw instanceof String s && s.isBlank()) {
      return null;
    }
    BigDecimal value;
    if (raw instanceof BigDecimal d) {
      value = d;
    } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      value = BigDecimal.valueOf(((Number) raw).longValue());
    } else if (raw instanceof Double || raw instanceof Float) {
      var d = ((Number) raw).doubleValue();
      if (!Double.isFinite(d)) {
        errors.add(what + "は数値で入力してください（" + cut(raw.toString()) + "）");
        return null;
      }
      value = BigDecimal.valueOf(d);
    } else if (raw instanceof java.math.BigInteger i) {
      // a JSON integer past long: its length is bounded by the JSON reader (JsonReadLimits)
      value = new BigDecimal(i);
    } else if (raw instanceof String) {
      value = decimal(raw.toString().strip().replace(",", ""));
      if (value == null) {
        errors.add(what + "は数値で入力してください（" + cut(raw.toString()) + "）");
        return null;
      }
    } else {
      errors.add(what + "は数値で入力してください");
      return null;
    }
    return check(value, what, errors) ? value : null;
  }

  /** The text as a decimal, or null when it is too long or no decimal at all (NaN, Infinity, 1e). */
  private static BigDecimal decimal(String text) {
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      return null;
    }
    for (var i = 0; i < text.length(); i++) {
      var c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return null;
      }
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Whether the value has no more integer digits than the larger bound: precision minus scale is the
   * count of digits before the point, known without expanding the number.
   */
  private boolean withinMagnitude(BigDecimal value) {
    if (value.signum() == 0) {
      return true;
    }
    long digits = (long) value.precision() - value.scale();
    return digits <= Math.max(integerDigits(min), integerDigits(max));
  }

  private static long integerDigits(BigDecimal bound) {
    return bound.signum() == 0 ? 1 : Math.max(1, (long) bound.precision() - bound.scale());
  }

  /** Digits after the point that matter (trailing zeros do not); a huge negative exponent counts as many. */
  private static long decimals(BigDecimal value) {
    if (value.signum() == 0) {
      return 0;
    }
    // precision - scale - 1 is the exponent of the leading digit; a value far below one is refused
    // without stripping (which on a long mantissa would divide repeatedly)
    if ((long) value.precision() - value.scale() < -MAX_TEXT) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, value.stripTrailingZeros().scale());
  }

  /** The value for a message: plain when it is short, else its scientific form, cut. */
  private static String shown(BigDecimal value) {
    var digits = (long) value.precision() - value.scale();
    var text = digits > -SHOWN && digits < SHOWN && value.precision() < SHOWN
        ? value.toPlainString() : value.toString();
    return cut(text);
  }

  private static String cut(String text) {
    return Quoted.longerThan(text, SHOWN) ? Quoted.cut(text, SHOWN) + "（" + text.codePointCount(0, text.length()) + "文字）" : text;
  }
}
