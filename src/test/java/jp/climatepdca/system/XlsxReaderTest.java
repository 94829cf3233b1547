package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import jp.climatepdca.testing.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The workbook reader finds the first sheet as Excel does and refuses, quickly and without holding the
 * file's inflated size, every workbook built to exhaust the server.
 */
@Timeout(30)
class XlsxReaderTest {

  private static final String ROW = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>1.5</v></c></row>";

  @Test
  void theFirstSheetIsTheWorkbooksFirstNotTheFileNamedSheet1() {
    var file = new Workbook().strings(List.of("部門"))
        .sheet("worksheets/data.xml", ROW)
        .sheet("worksheets/sheet1.xml", "<row r=\"7\"><c r=\"A7\"><v>other</v></c></row>").bytes();

    var sheet = XlsxReader.firstSheet(file);

    assertThat(sheet.rows()).containsExactly(new XlsxReader.Row(1, List.of("部門", "1.5"), java.util.Set.of()));
  }

  /** A rich text's runs are one cell; a formula's cell keeps Excel's stored value and is named as a formula. */
  @Test
  void richTextRunsAreOneCellAndFormulasAreMarked() {
    var file = new Workbook().sheet("worksheets/sheet1.xml", "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t>補助を</t></r>"
        + "<r><t>交付</t></r></is></c><c r=\"C2\"><f>1+2</f><v>3</v></c></row>").bytes();

    var sheet = XlsxReader.firstSheet(file);

    assertThat(sheet.name()).isEqualTo("Sheet1");
    assertThat(sheet.rows()).containsExactly(new XlsxReader.Row(2, List.of("補助を交付", "", "3"), java.util.Set.of(2)));
  }

  @Test
  void aWorkbookWithoutItsRelationshipsIsNotExcel() {
    var zip = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.ZipOutputStream(zip)) {
      out.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
      out.write(("<worksheet xmlns=\"" + Workbook.MAIN + "\"><sheetData>" + ROW + "</sheetData></worksheet>")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThatThrownBy(() -> XlsxReader.firstSheet(zip.toByteArray())).isInstanceOf(XlsxReader.NotExcel.class)
        .hasMessageContaining("xl/workbook.xml");
  }

  @Test
  void aCellAtExcelsLastColumnIsRefusedWithoutPaddingTheRow() {
    var file = new Workbook().sheet("worksheets/sheet1.xml",
        "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>").bytes();

    assertThatThrownBy(() -> XlsxReader.firstSheet(file)).isInstanceOf(XlsxReader.NotExcel.class)
        .hasMessageContaining("列が多すぎます").hasMessageContaining("XFD1048576");
  }

  @Test
  void aMillionRepeatedCellsAreRefused() {
    var oneRow = new StringBuilder("<row r=\"1\">");
    oneRow.append("<c r=\"A1\"><v>1</v></c>".repeat(1_000_000)).append("</row>");
    var file = new Workbook().sheet("worksheets/sheet1.xml", oneRow.toString()).bytes();

    assertThatThrownBy(() -> XlsxReader.firstSheet(file)).isInstanceOf(XlsxReader.NotExcel.class)
        .hasMessageContaining("列が多すぎます");
  }

  @Test
  void aMillionRowsAreRefused() {
    var rows = "<row><c><v>1</v></c></row>".repeat(1_000_000);
    var file = new Workbook().sheet("worksheets/sheet1.xml", rows).bytes();

    assertThatThrownBy(() -> XlsxReader.firstSheet(file)).isInstanceOf(XlsxReader.NotExcel.class)
        .hasMessageContaining("行が " + XlsxReader.MAX_ROWS + " 行を超えています");
  }

  @Test
  void aRowNumberBeyondExcelsIsRefused() {
    var file = new Workbook().sheet("worksheets/sheet1.xml", "<row r=\"99999999999\"><c><v>1</v></c></row>").bytes();

    assertThatThrownBy(() -> XlsxReader.firstSheet(file)).isInstanceOf(XlsxReader.NotExcel.class)
        .hasMessageContaining("行番号");
  }

  /** A quarter gigabyte of sheet in a few hundred kilobytes of zip: refused at the limit, as it inflates, never held. */
  @Test
  void aSheetThatInflatesFourTimesTheLimitIsRefusedAtTheLimit() {
    var file = new Workbook().inflatingSheet("worksheets/sheet1.xml", 256L << 20).bytes();
    assertThat(file.length).isLessThan(5 * 1024 * 1024);
    var heapBefore = usedHeap();
    var started = System.nanoTime();

    assertThatThrownBy(() -> XlsxReader.firstSheet(file)).isInstanceOf(XlsxReader.NotExcel.class)
        .hasMessageContaining("大きすぎます").hasMessageContaining("64 MB");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(usedHeap() - heapBefore).as("heap held after reading").isLessThan(256L * 1024 * 1024);
  }

  @Test
  void sharedStringsThatInflateBeyondTheLimitAreRefused() {
    var huge = "x".repeat((int) XlsxReader.MAX_PART_BYTES);
    var file = new Workbook().strings(List.of(huge)).sheet("worksheets/sheet1.xml", ROW).bytes();

    assertThatThrownBy(() -> XlsxReader.firstSheet(file)).isInstanceOf(XlsxReader.NotExcel.class)
        .hasMessageContaining("大きすぎます").hasMessageContaining("sharedStrings.xml");
  }

  private static long usedHeap() {
    var runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
