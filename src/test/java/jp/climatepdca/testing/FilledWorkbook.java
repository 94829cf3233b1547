package jp.climatepdca.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A downloaded workbook as a person fills it in Excel (Apache POI): cells typed by their address on the first
 * sheet (or another sheet's: {@code 'シート名'!H4}), a formula, a renamed sheet; saved again as an .xlsx.
 */
public final class FilledWorkbook {

  private final XSSFWorkbook book;

  private FilledWorkbook(XSSFWorkbook book) {
    this.book = book;
  }

  public static FilledWorkbook of(byte[] file) {
    try {
      return new FilledWorkbook(new XSSFWorkbook(new ByteArrayInputStream(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public XSSFWorkbook workbook() {
    return book;
  }

  public XSSFSheet sheet() {
    return book.getSheetAt(0);
  }

  /** The text of a cell ("" for none). */
  public String get(String address) {
    var cell = cell(address, false);
    return cell == null ? "" : cell.toString();
  }

  public FilledWorkbook set(String address, String value) {
    cell(address, true).setCellValue(value);
    return this;
  }

  public FilledWorkbook formula(String address, String formula) {
    cell(address, true).setCellFormula(formula);
    return this;
  }

  public FilledWorkbook renameSheet(String name) {
    book.setSheetName(0, name);
    return this;
  }

  /** Numbers typed as Excel stores them: a number cell. */
  public FilledWorkbook number(String address, double value) {
    cell(address, true).setCellValue(value);
    return this;
  }

  /** The workbook as saved from Excel with its sheet {@code index} deleted. */
  public FilledWorkbook removeSheet(int index) {
    book.removeSheetAt(index);
    return this;
  }

  public FilledWorkbook renameSheet(int index, String name) {
    book.setSheetName(index, name);
    return this;
  }

  private XSSFCell cell(String address, boolean create) {
    var ref = new CellReference(address);
    var sheet = ref.getSheetName() == null ? sheet() : book.getSheet(ref.getSheetName());
    var row = sheet.getRow(ref.getRow());
    if (row == null && create) {
      row = sheet.createRow(ref.getRow());
    }
    if (row == null) {
      return null;
    }
    var cell = row.getCell(ref.getCol());
    return cell == null && create ? row.createCell(ref.getCol()) : cell;
  }

  public byte[] bytes() {
    var out = new ByteArrayOutputStream();
    try {
      book.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
