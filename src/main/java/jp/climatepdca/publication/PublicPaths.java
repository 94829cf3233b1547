package jp.climatepdca.publication;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Path segments of the public pages, read strictly: anything that is not a plain year or version number
 * is simply not found (404), never an error page that tells a guesser more.
 */
final class PublicPaths {

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,3}");
  private static final Pattern MUNICIPALITY = Pattern.compile("[0-9A-Za-z_-]{1,20}");

  private PublicPaths() {}

  static Optional<Integer> year(String segment) {
    return YEAR.matcher(segment).matches() ? Optional.of(Integer.parseInt(segment)) : Optional.empty();
  }

  static Optional<Integer> version(String segment) {
    return VERSION.matcher(segment).matches() ? Optional.of(Integer.parseInt(segment)) : Optional.empty();
  }

  static boolean municipality(String segment) {
    return MUNICIPALITY.matcher(segment).matches();
  }
}
