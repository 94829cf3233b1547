package jp.climatepdca.emission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as spreadsheets write it, and the exact unit conversions, without Spring. */
class CsvReaderTest {

  /** What Excel puts on the clipboard: tabs between cells, CRLF, a cell with a line break quoted. */
  @Test
  void cellsPastedFromExcelAreTabSeparated() {
    var records = CsvReader.read("部門\t小部門\t活動量\r\n運輸\t自動車\t1,000\r\n\"二\n行\"\t\"x\"\"y\"\t2\r\n");

    assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 3);
    assertThat(records.get(1).cells()).containsExactly("運輸", "自動車", "1,000");
    assertThat(records.get(2).cells()).containsExactly("二\n行", "x\"y", "2");
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaksAndKeepTheLineTheyStartOn() {
    var records = CsvReader.read("\uFEFFa,b\r\n\"1,000\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",x\nlast,row");

    assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 4, 6);
    assertThat(records.get(0).cells()).containsExactly("a", "b");
    assertThat(records.get(1).cells()).containsExactly("1,000", "say \"hi\"");
    assertThat(records.get(2).cells()).containsExactly("two\nlines", "x");
    assertThat(records.get(3).cells()).containsExactly("last", "row");
  }

  @Test
  void aFileCutOffInsideAQuoteNamesTheLineTheQuoteOpened() {
    assertThatThrownBy(() -> CsvReader.read("a,b\n1,\"unfinished\n"))
        .isInstanceOfSatisfying(CsvReader.MalformedCsv.class, e -> assertThat(e.line).isEqualTo(2));
  }

  @Test
  void unitsConvertByExactPowersOfTen() {
    assertThat(Units.conversion("L", "kL")).contains(new BigDecimal("0.001"));
    assertThat(Units.conversion("MWh", "kWh")).contains(new BigDecimal("1E+3"));
    assertThat(Units.conversion("kg", "t")).contains(new BigDecimal("0.001"));
    assertThat(Units.conversion("ｋＬ", "kL")).contains(BigDecimal.ONE);
    assertThat(Units.conversion("㎥", "千m3")).contains(new BigDecimal("0.001"));
    assertThat(Units.conversion("L", "kWh")).isEmpty();
    // 12,345 L of gasoline at 2.32 t-CO2/kL: 28.6404 t exactly
    assertThat(new BigDecimal("12345").multiply(Units.conversion("L", "kL").orElseThrow())
        .multiply(new BigDecimal("2.32"))).isEqualByComparingTo("28.6404");
  }

  @Test
  void aHeaderWithoutTheRequiredColumnsIsNamed() {
    assertThatThrownBy(() -> new ActivityCsv(List.of(), 2024).read("部門,燃料,単位\n家庭,灯油,kL\n"))
        .isInstanceOfSatisfying(ActivityCsv.Invalid.class,
            e -> assertThat(e.errors).singleElement().asString().contains("1行目", "活動量", "出典"));
  }
}
