package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link FileFields}: the messages the plan file and the area file both give, word for word. */
class FileFieldsTest {

  private final List<String> errors = new ArrayList<>();
  private final FileFields fields = new FileFields(errors);

  @Test
  void eachCheckNamesItsPlaceAndTheRule() {
    assertThat(fields.year("area.baseYear", null, "基準年度")).isFalse();
    assertThat(fields.year("area.baseYear", 1989, "基準年度")).isFalse();
    assertThat(fields.year("area.baseYear", 2013, "基準年度")).isTrue();
    assertThat(fields.code("members の 1 件目 の code", " ", Pattern.compile("[0-9]{6}"), "数字6桁")).isFalse();
    assertThat(fields.code("area.code", "a/b", Pattern.compile("[a-z]+"), "半角英小文字")).isFalse();
    fields.text("area.name", null, 100, true);
    fields.text("measures の 1 件目 (AM-01) の description", "長".repeat(2001), 2000, false);
    fields.text("area.note", null, 100, false);
    assertThat(fields.oneOf("measures の 1 件目 (AM-01) の sector", "", "A, B", List.of("A", "B")::contains)).isFalse();
    assertThat(fields.oneOf("measures の 1 件目 (AM-01) の sector", "C", "A, B", List.of("A", "B")::contains)).isFalse();
    assertThat(fields.oneOf("measures の 1 件目 (AM-01) の sector", "B", "A, B", List.of("A", "B")::contains)).isTrue();

    assertThat(errors).containsExactly(
        "area.baseYear: 必須です",
        "area.baseYear: 基準年度は1990〜2100の範囲で指定してください（1989）",
        "members の 1 件目 の code: 必須です",
        "area.code: \"a/b\" は使えません（半角英小文字）",
        "area.name: 必須です",
        "measures の 1 件目 (AM-01) の description: 2000文字以内で入力してください（2001文字）",
        "measures の 1 件目 (AM-01) の sector: 必須です（A, B）",
        "measures の 1 件目 (AM-01) の sector: \"C\" は使えません（A, B のいずれか）");
  }

  /** A hostile file's megabyte code is not echoed back whole. */
  @Test
  void aLongValueIsQuotedCut() {
    fields.code("municipality.code", "9".repeat(1_000_000), Pattern.compile("[0-9]{6}"), "数字6桁");
    assertThat(errors).containsExactly("municipality.code: \"" + "9".repeat(30) + "…\" は使えません（数字6桁）");
  }
}
