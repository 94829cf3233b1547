package jp.climatepdca.system;

/**
 * A value quoted back to a user in a message or a label: enough to recognise it, never all of a hostile
 * 5,000-character one. The cut counts code points, not Java chars: a name such as 𠮷田 is two chars in
 * its first letter, and cutting between them would show the user a broken character (U+FFFD).
 */
public final class Quoted {

  /** What a message quotes of a field name or a cell when it gives no length of its own. */
  public static final int LENGTH = 40;

  private Quoted() {
  }

  public static String cut(String text) {
    return cut(text, LENGTH);
  }

  /** The text itself when it has at most {@code most} characters, else its first {@code most} and "…". */
  public static String cut(String text, int most) {
    if (text == null || !longerThan(text, most)) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, most)) + "…";
  }

  public static boolean longerThan(String text, int most) {
    return text.length() > most && text.codePointCount(0, text.length()) > most;
  }
}
