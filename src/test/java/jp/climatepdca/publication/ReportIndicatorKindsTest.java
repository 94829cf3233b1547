package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.climatepdca.publication.ReportContent.IndicatorEntry;
import org.junit.jupiter.api.Test;

/**
 * The report's indicator table and CSV with indicator kinds: an entry frozen before kinds existed reads
 * and prints exactly as it did; a stage is shown by its name, with what the grade compared with.
 */
class ReportIndicatorKindsTest {

  private static final String OLD_CSV_HEADER = "\"指標コード\",\"指標名\",\"単位\",\"基準年度\",\"基準値\",\"目標年度\",\"目標値\","
      + "\"実績年度\",\"実績値\",\"目標経路上の値\",\"評価\"";

  @Test
  void anEntryFrozenBeforeKindsKeepsItsTextAndColumns() throws Exception {
    var json = "{\"code\": \"F\", \"name\": \"再エネ導入施設数\", \"measureCode\": \"ENV-01\", \"unit\": \"施設\","
        + " \"direction\": \"HIGHER\", \"baseYear\": 2022, \"baseValue\": 12, \"targetYear\": 2030, \"targetValue\": 60,"
        + " \"actualYear\": 2025, \"actualValue\": 45, \"pathValue\": 30, \"grade\": \"ON_TRACK\", \"gradeLabel\": \"順調\"}";
    var old = new ObjectMapper().findAndRegisterModules().readValue(json, IndicatorEntry.class);
    assertThat(old.baseText()).isEqualTo("12（2022年度）");
    assertThat(old.targetText()).isEqualTo("60（2030年度）");
    assertThat(old.actualText()).isEqualTo("45（2025年度）");
    assertThat(old.gradeNote()).isEmpty();
    assertThat(csvLines(old)[0]).isEqualTo(OLD_CSV_HEADER);
    assertThat(csvLines(old)[1].split(",")).hasSize(11);
  }

  @Test
  void aStageIsShownByNameWithWhatItWasComparedWith() {
    var stage = new IndicatorEntry("KP-1-S", "地域新電力の設立", "KP-1", "段階", "HIGHER", 2013, null, 2027,
        new BigDecimal("3"), 2025, new BigDecimal("2"), null, "ON_TRACK", "順調", "段階",
        "2024年度 検討中 / 2027年度 完了", "実施中", "2024年度までの予定 検討中", null);
    assertThat(stage.baseText()).isEqualTo("―");
    assertThat(stage.targetText()).isEqualTo("2024年度 検討中 / 2027年度 完了");
    assertThat(stage.actualText()).isEqualTo("実施中（2025年度）");
    assertThat(stage.gradeNote()).isEqualTo("2024年度までの予定 検討中");
    var lines = csvLines(stage);
    assertThat(lines[0]).startsWith(OLD_CSV_HEADER).endsWith("\"指標の種類\",\"目標（すべて）\",\"評価で比べた値\",\"注記\"");
    assertThat(lines[1]).contains("\"段階\"", "\"2024年度までの予定 検討中\"");
  }

  private static String[] csvLines(IndicatorEntry entry) {
    var content = new ReportContent("941920", "テスト町", 2026, 2025, 1, "概要", null, Instant.now(), null, List.of(),
        List.of(), null, List.of(entry), List.of(), List.of());
    var text = new String(ReportCsv.indicators(content), StandardCharsets.UTF_8).replace("\uFEFF", "");
    return text.split("\r\n");
  }
}
