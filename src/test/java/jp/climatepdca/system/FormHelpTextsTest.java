package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The help texts of the task forms name the buttons as staff see them: form-js's own buttons are shown in
 * Japanese by custom/form-js-japanese.js, so a form that says 「＋ Add new」 sends staff looking for a button
 * that reads 行を追加 (the committee's and the staff meeting's forms did, seen in Tasklist).
 */
class FormHelpTextsTest {

  private static final Path FORMS = Path.of("forms");
  private static final Path FORM_JS_JAPANESE =
      Path.of("src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/custom/form-js-japanese.js");
  /** form-js 1.8.7's chrome in English, which no member of staff ever sees. */
  private static final List<String> ENGLISH_CHROME = List.of("Add new", "Collapse", "Expand all", "Nothing to show",
      "Skip to search", "No results", "All values selected");
  private static final Pattern NAMED_BUTTON = Pattern.compile("「([^」]+)」ボタン");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void noFormNamesFormJsButtonsInEnglish() throws IOException {
    for (var form : forms()) {
      for (var text : texts(form)) {
        assertThat(ENGLISH_CHROME).as(form + ": " + text).noneMatch(text::contains);
      }
    }
  }

  @Test
  void everyButtonAFormNamesIsOneFormJsShowsInJapanese() throws IOException {
    var shown = Files.readString(FORM_JS_JAPANESE, StandardCharsets.UTF_8);
    var named = 0;
    for (var form : forms()) {
      for (var text : texts(form)) {
        var button = NAMED_BUTTON.matcher(text);
        while (button.find()) {
          assertThat(shown).as(form + " names 「" + button.group(1) + "」").contains("'" + button.group(1) + "'");
          named++;
        }
      }
    }
    assertThat(named).as("the committee's and the staff meeting's forms name 「行を追加」").isGreaterThanOrEqualTo(2);
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }

  private List<String> texts(Path form) throws IOException {
    var texts = new ArrayList<String>();
    collect(json.readTree(form.toFile()), texts);
    return texts;
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getValue().isTextual() && List.of("text", "label", "description").contains(e.getKey())) {
          texts.add(e.getValue().asText());
        } else {
          collect(e.getValue(), texts);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, texts));
    }
  }
}
