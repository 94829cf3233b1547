package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Japanese text of Camunda's four webapps against the English text of the webjar on the classpath (the
 * Camunda version we run): after an upgrade, a key Camunda added would show as English and a key it
 * dropped would be dead text, so either fails here, as does a placeholder ({{name}}) a translation lost
 * or invented. A value still equal to the English one fails too, unless it is a name or a format.
 */
class WebappLocalesTest {

  private static final String WEBAPPS = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
  /** Product names, markers for empty values and formats read the same in Japanese. */
  private static final Set<String> SAME_IN_JAPANESE = Set.of("Camunda", "Cockpit", "Tasklist", "Admin",
      "Camunda Cockpit", "Optimize", "<null>", "<undefined>", "CSV", "JSON", "OK", "ID", "YYYY-MM-DDTHH:mm:ss");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"welcome", "cockpit", "admin", "tasklist"})
  void everyEnglishKeyHasItsJapaneseTextAndNoMore(String app) {
    var english = leaves(read(WEBAPPS + app + "/locales/en.json"));
    var japanese = leaves(read(WEBAPPS + app + "/locales/ja.json"));

    assertThat(new TreeSet<>(japanese.keySet())).as("keys of %s/locales/ja.json", app)
        .containsExactlyElementsOf(new TreeSet<>(english.keySet()));
    english.forEach((key, text) -> {
      var translated = japanese.get(key);
      assertThat(placeholders(translated)).as("placeholders of %s %s", app, key).isEqualTo(placeholders(text));
      if (text.isTextual() && LATIN_WORD.matcher(text.asText()).find()
          && !SAME_IN_JAPANESE.contains(text.asText())) {
        assertThat(translated.asText()).as("%s %s is still English", app, key).isNotEqualTo(text.asText());
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"welcome", "cockpit", "admin", "tasklist"})
  void theAppOffersJapaneseAndFallsBackToIt(String app) {
    var config = text(WEBAPPS + app + "/scripts/config.js");
    assertThat(config).containsPattern("availableLocales:\\s*\\['ja', 'en'\\]")
        .containsPattern("fallbackLocale:\\s*'ja'");
  }

  /** Every value by its path (labels.KEY, dateLocales.months[0], ...). */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    var leaves = new TreeMap<String, JsonNode>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> collect(path + "." + field.getKey(), field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static Set<String> placeholders(JsonNode value) {
    var names = new TreeSet<String>();
    var matcher = PLACEHOLDER.matcher(value.asText());
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private JsonNode read(String resource) {
    try (InputStream in = stream(resource)) {
      // Camunda's files start with a byte order mark, which Jackson skips
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String resource) {
    try (InputStream in = stream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream stream(String resource) {
    var in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(resource);
    assertThat(in).as(resource + " on the classpath").isNotNull();
    return in;
  }
}
