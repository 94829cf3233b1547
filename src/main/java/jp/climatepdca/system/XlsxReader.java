package jp.climatepdca.system;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first worksheet of an Excel (.xlsx) file as rows of cell texts, the 行 being Excel's row number.
 * An .xlsx is a zip of XML parts; reading the few parts needed here spares the application a
 * spreadsheet library. Numbers keep the decimal text Excel stored.
 *
 * <p>The first worksheet is the first {@code <sheet>} of {@code xl/workbook.xml}, found through the
 * workbook's relationships ({@code xl/_rels/workbook.xml.rels}), as Excel finds it: its part may have any
 * name, and a file's {@code sheet1.xml} need not be its first sheet.
 *
 * <p>The file comes from outside, so everything it could make the server hold or do is bounded before
 * it is held or done: each part's uncompressed size (a zip bomb inflates a few kilobytes to gigabytes),
 * the rows, the columns a cell may name ({@code XFD1048576} would otherwise pad a row with 16,383 empty
 * cells) and the cells of a row (a million cells all named {@code A1}). Past a limit the file is
 * refused with a message that names the limit; the worksheet is read as a stream from the zip, never
 * inflated whole.
 *
 * <p>Shared by the activity data import and the self-assessment workbook (docs/excel.md). A cell's formula is
 * never evaluated: the reader keeps the value Excel stored and says which cells held a formula, so a reader
 * that takes only typed values can refuse them.
 */
public final class XlsxReader {

  /** Shared strings and the workbook's own parts are held while the sheet is read. */
  public static final long MAX_PART_BYTES = 16L * 1024 * 1024;
  /** The worksheet is streamed, not held: this bounds the time it takes. */
  public static final long MAX_SHEET_BYTES = 64L * 1024 * 1024;
  /** A city's activity file can hold 100,000 lines (see ActivityImportService). */
  public static final int MAX_ROWS = 100_001;
  /** Column AD: the activity file has seven columns, a person's notes beside them are allowed. */
  public static final int MAX_COLUMNS = 30;
  static final int MAX_SHARED_STRINGS = 1_000_000;
  /** Excel's own last row. */
  private static final int LAST_EXCEL_ROW = 1_048_576;

  private static final String WORKBOOK = "xl/workbook.xml";
  private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
  private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String TOO_LARGE = "Excel ファイルの内容が大きすぎます（";

  private XlsxReader() {}

  /** A file that is no workbook, or one past a limit: the message says which, in Japanese. */
  public static final class NotExcel extends RuntimeException {
    NotExcel(String message) {
      super(message);
    }
  }

  /**
   * A row that holds at least one non-blank cell: {@code line} is Excel's row number, {@code cells} the texts from
   * column A, {@code formulas} the (0-based) columns whose cell held a formula.
   */
  public record Row(int line, List<String> cells, Set<Integer> formulas) {

    /** The cell's text, "" past the row's last cell. */
    public String cell(int column) {
      return column < cells.size() ? cells.get(column) : "";
    }
  }

  /** A sheet of the workbook: its name as the tab shows it, and its rows. */
  public record Sheet(String name, List<Row> rows) {}

  public static Sheet firstSheet(byte[] file) {
    return sheets(file, 1).get(0);
  }

  /**
   * The workbook's first {@code count} sheets in the order of their tabs (fewer when the workbook has fewer; at
   * least one, or the file is refused), each read within the bounds above.
   */
  public static List<Sheet> sheets(byte[] file, int count) {
    try {
      var parts = smallParts(file);
      var workbook = parts.get(WORKBOOK);
      var rels = parts.get(WORKBOOK_RELS);
      if (workbook == null || rels == null) {
        throw new NotExcel("Excel ファイル（.xlsx）として読めません（ブックの情報 xl/workbook.xml がありません）");
      }
      var targets = relationships(rels);
      var found = sheets(workbook, targets, count);
      var stringsPart = targets.values().stream().filter(t -> t.type().endsWith("/sharedStrings")).findFirst()
          .map(t -> t.part()).orElse(null);
      var strings = stringsPart == null || !parts.containsKey(stringsPart) ? List.<String>of()
          : sharedStrings(parts.get(stringsPart));
      var sheets = new ArrayList<Sheet>();
      for (var sheet : found) {
        sheets.add(new Sheet(sheet.name(), rows(file, sheet.part(), strings)));
      }
      return List.copyOf(sheets);
    } catch (NotExcel e) {
      throw e;
    } catch (IOException e) {
      throw new NotExcel("Excel ファイル（.xlsx）として読めません");
    } catch (XMLStreamException | RuntimeException e) {
      throw new NotExcel("Excel ファイル（.xlsx）の内容が壊れています");
    }
  }

  /** The workbook, its relationships and the shared strings (any part but a worksheet is small). */
  private static Map<String, byte[]> smallParts(byte[] file) throws IOException {
    var parts = new HashMap<String, byte[]>();
    try (var zip = new ZipInputStream(new ByteArrayInputStream(file))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        var name = entry.getName();
        if (name.equals(WORKBOOK) || name.equals(WORKBOOK_RELS) || name.startsWith("xl/") && name.endsWith(".xml")
            && name.toLowerCase().contains("sharedstrings")) {
          var bytes = zip.readNBytes((int) MAX_PART_BYTES + 1);
          if (bytes.length > MAX_PART_BYTES) {
            throw new NotExcel(TOO_LARGE + name + " が " + MAX_PART_BYTES / 1024 / 1024 + " MB を超えています）");
          }
          parts.put(name, bytes);
        }
      }
    }
    return parts;
  }

  private record Target(String type, String part) {}

  /** Relationship id → its type and the part it points to, as a zip entry name. */
  private static Map<String, Target> relationships(byte[] xml) throws XMLStreamException {
    var targets = new HashMap<String, Target>();
    var reader = parser(new ByteArrayInputStream(xml));
    while (reader.hasNext()) {
      if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("Relationship")) {
        var target = reader.getAttributeValue(null, "Target");
        if (target != null && !"External".equals(reader.getAttributeValue(null, "TargetMode"))) {
          targets.put(reader.getAttributeValue(null, "Id"), new Target(String.valueOf(reader.getAttributeValue(null,
              "Type")), target.startsWith("/") ? target.substring(1) : "xl/" + target));
        }
      }
    }
    return targets;
  }

  private record SheetPart(String name, String part) {}

  /** The names and parts of the workbook's first {@code count} sheets. */
  private static List<SheetPart> sheets(byte[] workbook, Map<String, Target> targets, int count)
      throws XMLStreamException {
    var found = new ArrayList<SheetPart>();
    var reader = parser(new ByteArrayInputStream(workbook));
    while (reader.hasNext() && found.size() < count) {
      if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("sheet")) {
        var id = reader.getAttributeValue(REL_NS, "id");
        var target = id == null ? null : targets.get(id);
        if (target == null) {
          throw new NotExcel("Excel ファイル（.xlsx）の内容が壊れています（" + (found.isEmpty() ? "最初の"
              : found.size() + 1 + " 枚目の") + "ワークシートの場所がありません）");
        }
        found.add(new SheetPart(String.valueOf(reader.getAttributeValue(null, "name")), target.part()));
      }
    }
    if (found.isEmpty()) {
      throw new NotExcel("Excel ファイル（.xlsx）として読めません（ワークシートがありません）");
    }
    return found;
  }

  private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
    var strings = new ArrayList<String>();
    var reader = parser(new ByteArrayInputStream(xml));
    StringBuilder current = null;
    while (reader.hasNext()) {
      var event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("rPh")) {
        skip(reader); // the furigana Japanese Excel stores beside the text is not part of it
      } else if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("si")) {
        if (strings.size() >= MAX_SHARED_STRINGS) {
          throw new NotExcel(TOO_LARGE + "文字列が " + MAX_SHARED_STRINGS + " 個を超えています）");
        }
        current = new StringBuilder();
      } else if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("t") && current != null) {
        current.append(reader.getElementText());
      } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("si")) {
        strings.add(current.toString());
        current = null;
      }
    }
    return strings;
  }

  /** The sheet's rows, streamed from the zip entry named {@code part}. */
  private static List<Row> rows(byte[] file, String part, List<String> strings)
      throws IOException, XMLStreamException {
    try (var zip = new ZipInputStream(new ByteArrayInputStream(file))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.getName().equals(part)) {
          return rows(parser(new Bounded(zip, MAX_SHEET_BYTES, part)), strings);
        }
      }
    }
    throw new NotExcel("Excel ファイル（.xlsx）として読めません（ワークシート " + part + " がありません）");
  }

  private static List<Row> rows(XMLStreamReader reader, List<String> strings) throws XMLStreamException {
    var records = new ArrayList<Row>();
    List<String> cells = null;
    Set<Integer> formulas = null;
    StringBuilder cell = null;
    var rowNumber = 0;
    var rowCount = 0;
    var column = 0;
    String type = null;
    while (reader.hasNext()) {
      var event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (reader.getLocalName()) {
          case "row" -> {
            if (++rowCount > MAX_ROWS) {
              throw new NotExcel(TOO_LARGE + "行が " + MAX_ROWS + " 行を超えています）");
            }
            cells = new ArrayList<>();
            formulas = new TreeSet<>();
            var r = reader.getAttributeValue(null, "r");
            rowNumber = r != null ? rowNumber(r) : rowNumber + 1;
          }
          case "c" -> {
            var ref = reader.getAttributeValue(null, "r");
            column = ref != null ? columnIndex(ref) : cells.size();
            if (column >= MAX_COLUMNS || cells.size() >= MAX_COLUMNS) {
              throw new NotExcel(rowNumber + "行目: 列が多すぎます（" + (ref != null ? "セル " + Quoted.cut(ref, 20) + "、" : "")
                  + "読み込めるのは " + MAX_COLUMNS + " 列（A〜AD列）までです）");
            }
            type = reader.getAttributeValue(null, "t");
            cell = null;
          }
          case "f" -> formulas.add(column);
          case "v", "t" -> {
            var text = reader.getElementText();
            var value = "s".equals(type) ? strings.get(Integer.parseInt(text.strip())) : text;
            if (cell != null) {
              // the next run of an inline rich text ({@code <is><r><t>…</t></r><r><t>…}): the same cell
              cell.append(value);
            } else {
              while (cells.size() < column) {
                cells.add("");
              }
              cell = new StringBuilder(value);
              cells.add(value);
            }
          }
          default -> { }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("c") && cell != null) {
        cells.set(cells.size() - 1, cell.toString());
        cell = null;
      } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("row")) {
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
          records.add(new Row(rowNumber, List.copyOf(cells), Set.copyOf(formulas)));
        }
      }
    }
    return records;
  }

  private static int rowNumber(String r) {
    if (r.length() > 7 || !r.chars().allMatch(Character::isDigit)) {
      throw new NotExcel("Excel ファイル（.xlsx）の内容が壊れています（行番号 " + Quoted.cut(r, 20) + "）");
    }
    var n = Integer.parseInt(r);
    if (n < 1 || n > LAST_EXCEL_ROW) {
      throw new NotExcel("Excel ファイル（.xlsx）の内容が壊れています（行番号 " + n + "）");
    }
    return n;
  }

  private static void skip(XMLStreamReader reader) throws XMLStreamException {
    for (var depth = 1; depth > 0; ) {
      var event = reader.next();
      depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
    }
  }

  /** "C12" → 2; letters past Excel's three (XFD) count as beyond any limit. */
  static int columnIndex(String ref) {
    var index = 0;
    var letters = 0;
    for (var ch : ref.toCharArray()) {
      if (!Character.isLetter(ch)) {
        break;
      }
      if (++letters > 3) {
        return Integer.MAX_VALUE;
      }
      index = index * 26 + (Character.toUpperCase(ch) - 'A' + 1);
    }
    return index - 1;
  }

  /** No DTDs, no external entities: the file comes from outside. */
  private static XMLStreamReader parser(InputStream xml) throws XMLStreamException {
    var factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory.createXMLStreamReader(xml);
  }

  /** The worksheet's bytes as they inflate, refused past {@code limit}. */
  private static final class Bounded extends FilterInputStream {

    private final long limit;
    private final String part;
    private long read;

    Bounded(InputStream in, long limit, String part) {
      super(in);
      this.limit = limit;
      this.part = part;
    }

    @Override
    public int read() throws IOException {
      var b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      var n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new NotExcel(TOO_LARGE + part + " が " + limit / 1024 / 1024 + " MB を超えています）");
      }
    }
  }
}
