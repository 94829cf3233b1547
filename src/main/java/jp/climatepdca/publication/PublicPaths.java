package jp.climatepdca.publication;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Path segments (and the If-None-Match header) of the public pages, read strictly: anything that is not a plain year or version number
 * is simply not found (404), never an error page that tells a guesser more.
 */
public final class PublicPaths {

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,3}");
  private static final Pattern MUNICIPALITY = Pattern.compile("[0-9A-Za-z_-]{1,20}");

  private PublicPaths() {}

  public static Optional<Integer> year(String segment) {
    return YEAR.matcher(segment).matches() ? Optional.of(Integer.parseInt(segment)) : Optional.empty();
  }

  static Optional<Integer> version(String segment) {
    return VERSION.matcher(segment).matches() ? Optional.of(Integer.parseInt(segment)) : Optional.empty();
  }

  /** A municipality's or an area's code (they share one namespace). */
  public static boolean municipality(String segment) {
    return MUNICIPALITY.matcher(segment).matches();
  }

  /**
   * A report's address: municipality, year and version ({@code null} segment: the year's newest version),
   * or empty when any segment is not plain.
   */
  static Optional<Address> address(String municipality, String year, String version) {
    if (!municipality(municipality)) {
      return Optional.empty();
    }
    return year(year).flatMap(y -> version == null ? Optional.of(new Address(municipality, y, null))
        : version(version).map(v -> new Address(municipality, y, v)));
  }

  /** A report's address read from the path; {@code version} is null for the year's newest. */
  record Address(String municipality, int year, Integer version) {}

  /**
   * Whether an If-None-Match header names the ETag (or is *): a list of entity tags compared weakly, as
   * RFC 9110 says for If-None-Match, so W/"x" matches "x".
   */
  public static boolean matchesAny(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (var tag : ifNoneMatch.split(",")) {
      var t = tag.strip();
      if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
