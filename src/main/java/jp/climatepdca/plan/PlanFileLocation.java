package jp.climatepdca.plan;

/**
 * Where in a plan file a problem is, in the words people see when they open the file:
 * {@code measures の 4 件目 (M-04) の sector}: the list, the one-based position, the element's code when it
 * has one, then the field. Every message of the plan loader starts with one, followed by ": ".
 */
final class PlanFileLocation {

  private final String text;

  private PlanFileLocation(String text) {
    this.text = text;
  }

  /** A top-level object ({@code municipality}, {@code plan}) or list as a whole ({@code departments}). */
  static PlanFileLocation of(String section) {
    return new PlanFileLocation(section);
  }

  /** The {@code index}-th (zero-based) element of a top-level list, named with its code when it has one. */
  static PlanFileLocation item(String list, int index, String code) {
    return new PlanFileLocation(element(list, index, code));
  }

  /** An element of a list inside this one ({@code indicators の 2 件目 (I-GHG) の targets の 1 件目}). */
  PlanFileLocation item(String list, int index) {
    return new PlanFileLocation(text + " の " + element(list, index, null));
  }

  /** A field of this object or element. */
  String field(String name) {
    return text + " の " + name;
  }

  /** This place as a location of its own, for a nested object. */
  PlanFileLocation child(String name) {
    return new PlanFileLocation(field(name));
  }

  @Override
  public String toString() {
    return text;
  }

  private static String element(String list, int index, String code) {
    var shown = code == null || code.isBlank() || code.length() > 40 ? "" : " (" + code.strip() + ")";
    return list + " の " + (index + 1) + " 件目" + shown;
  }
}
