package jp.climatepdca.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An .xlsx the application hands out (Apache POI), in the look every workbook of ours shares: a bold grey
 * header, wrapped text, yellow cells where a person types. Files that come back are read by
 * {@link XlsxReader}, never by POI: its bounds are the ones checked against hostile files.
 */
public final class XlsxBook implements AutoCloseable {

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  /** Excel's own limit of a cell's text; a longer one makes Excel call the file damaged. */
  public static final int MAX_CELL_TEXT = 32_767;

  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final CellStyle header;
  private final CellStyle text;
  private final CellStyle input;

  public XlsxBook() {
    header = workbook.createCellStyle();
    var bold = workbook.createFont();
    bold.setBold(true);
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setWrapText(true);
    header.setVerticalAlignment(VerticalAlignment.CENTER);
    bordered(header);
    text = workbook.createCellStyle();
    text.setWrapText(true);
    text.setVerticalAlignment(VerticalAlignment.TOP);
    bordered(text);
    input = workbook.createCellStyle();
    input.cloneStyleFrom(text);
    input.setLocked(false);
    input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
    input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
  }

  private static void bordered(CellStyle style) {
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
  }

  public XSSFWorkbook workbook() {
    return workbook;
  }

  public Sheet sheet(String name) {
    return workbook.createSheet(name);
  }

  /** A header row at {@code rowIndex} (0-based) with each column's width in characters (a full-width one counts two). */
  public void header(Sheet sheet, int rowIndex, List<String> titles, List<Integer> widths) {
    var row = sheet.createRow(rowIndex);
    for (var i = 0; i < titles.size(); i++) {
      var cell = row.createCell(i);
      cell.setCellValue(titles.get(i));
      cell.setCellStyle(header);
      sheet.setColumnWidth(i, Math.min(255, widths.get(i)) * 256);
    }
  }

  /** A read-only cell (locked where the sheet is protected); null writes an empty cell. */
  public void text(Row row, int column, Object value) {
    put(row, column, value, text);
  }

  /** A row of read-only cells at {@code rowIndex} (0-based), one per value from column A. */
  public void row(Sheet sheet, int rowIndex, Object... values) {
    var row = sheet.createRow(rowIndex);
    for (var i = 0; i < values.length; i++) {
      text(row, i, values[i]);
    }
  }

  /** A cell a person fills in: unlocked, yellow. */
  public void input(Row row, int column, Object value) {
    put(row, column, value, input);
  }

  private static void put(Row row, int column, Object value, CellStyle style) {
    var cell = row.createCell(column);
    cell.setCellStyle(style);
    if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (value != null) {
      var s = value.toString();
      cell.setCellValue(s.length() > MAX_CELL_TEXT ? s.substring(0, MAX_CELL_TEXT) : s);
    }
  }

  public byte[] bytes() {
    var out = new ByteArrayOutputStream();
    try {
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    try {
      workbook.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The workbook as a download, its Japanese file name encoded for every browser (RFC 6266 filename*). */
  public static ResponseEntity<byte[]> download(byte[] file, String fileName) {
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(file);
  }
}
