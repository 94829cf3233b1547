package jp.climatepdca.plan;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.climatepdca.system.Quoted;

/**
 * The field checks a data file shares, the plan file's ({@link PlanFileValidator}) and the area file's: each
 * failure is one Japanese message naming its place ({@code measures の 2 件目 (M-02) の code: 必須です}),
 * added to the file's list so that every problem of a file comes back at once. A value quoted in a message is
 * cut at {@value #SHOWN} characters: a hostile file's megabyte is not echoed back.
 */
public final class FileFields {

  private static final int SHOWN = 30;

  private final List<String> errors;

  public FileFields(List<String> errors) {
    this.errors = errors;
  }

  /** A fiscal year a plan can mean (1990–2100). */
  public boolean year(String place, Integer value, String what) {
    if (value == null) {
      errors.add(place + ": 必須です");
      return false;
    }
    if (value < 1990 || value > 2100) {
      errors.add(place + ": " + what + "は1990〜2100の範囲で指定してください（" + value + "）");
      return false;
    }
    return true;
  }

  /** A required code of the pattern; {@code rule} says the pattern in words. */
  public boolean code(String place, String value, Pattern pattern, String rule) {
    if (isBlank(value)) {
      errors.add(place + ": 必須です");
      return false;
    }
    if (!pattern.matcher(value).matches()) {
      errors.add(place + ": \"" + shown(value) + "\" は使えません（" + rule + "）");
      return false;
    }
    return true;
  }

  /** A text of at most {@code max} characters. */
  public void text(String place, String value, int max, boolean required) {
    if (isBlank(value)) {
      if (required) {
        errors.add(place + ": 必須です");
      }
    } else if (value.length() > max) {
      errors.add(place + ": " + max + "文字以内で入力してください（" + value.length() + "文字）");
    }
  }

  /** One of a list of choices ({@code choices} names them for the message; {@code accepted} decides). */
  public boolean oneOf(String place, String value, String choices, Predicate<String> accepted) {
    if (isBlank(value)) {
      errors.add(place + ": 必須です（" + choices + "）");
      return false;
    }
    if (!accepted.test(value)) {
      errors.add(place + ": \"" + shown(value) + "\" は使えません（" + choices + " のいずれか）");
      return false;
    }
    return true;
  }

  public static String shown(String value) {
    return Quoted.cut(value, SHOWN);
  }

  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
