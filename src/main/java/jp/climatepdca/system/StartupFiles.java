package jp.climatepdca.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Files loaded at every start (plan files, area files) named by resource patterns such as
 * {@code file:/etc/climate-pdca/plans/*.json}: each file in turn, and a file a person must correct stops
 * the start with its name and every problem, rather than leaving a half-loaded state behind.
 */
public final class StartupFiles {

  /** Loads one file; throws {@link UserInputException} for a file a person must correct. */
  @FunctionalInterface
  public interface Loader {
    void load(Resource resource) throws IOException;
  }

  private StartupFiles() {}

  /** {@code what}: the kind of file in Japanese, for the message when a pattern cannot be searched. */
  public static void load(List<String> patterns, String what, Loader loader) {
    var resolver = new PathMatchingResourcePatternResolver();
    for (var pattern : patterns) {
      if (pattern.isBlank()) {
        continue;
      }
      try {
        for (var resource : resolver.getResources(pattern.strip())) {
          try {
            loader.load(resource);
          } catch (UserInputException e) {
            throw new IllegalStateException(resource.getDescription() + ": " + e.getMessage(), e);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(what + "を探せません: " + pattern, e);
      }
    }
  }
}
