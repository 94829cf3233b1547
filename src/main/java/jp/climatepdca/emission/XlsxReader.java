package jp.climatepdca.emission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first worksheet of an Excel (.xlsx) file as rows of cell texts, the 行 being Excel's row number.
 * An .xlsx is a zip of XML parts; reading the two parts needed here (shared strings, first sheet)
 * spares the application a spreadsheet library. Numbers keep the decimal text Excel stored.
 */
final class XlsxReader {

  private static final long MAX_PART_BYTES = 64L * 1024 * 1024;
  private static final String SHEET = "xl/worksheets/sheet1.xml";
  private static final String STRINGS = "xl/sharedStrings.xml";

  private XlsxReader() {}

  static final class NotExcel extends RuntimeException {
    NotExcel(String message) {
      super(message);
    }
  }

  static List<CsvReader.Record> read(byte[] file) {
    byte[] sheet = null;
    byte[] strings = null;
    try (var zip = new ZipInputStream(new ByteArrayInputStream(file))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.getName().equals(SHEET)) {
          sheet = bounded(zip);
        } else if (entry.getName().equals(STRINGS)) {
          strings = bounded(zip);
        }
      }
    } catch (IOException e) {
      throw new NotExcel("Excel ファイル（.xlsx）として読めません");
    }
    if (sheet == null) {
      throw new NotExcel("Excel ファイル（.xlsx）として読めません（ワークシートがありません）");
    }
    try {
      return rows(sheet, strings == null ? List.of() : sharedStrings(strings));
    } catch (XMLStreamException | RuntimeException e) {
      throw new NotExcel("Excel ファイル（.xlsx）の内容が壊れています");
    }
  }

  /** A zip bomb must not fill the memory: a part larger than any real activity file is refused. */
  private static byte[] bounded(InputStream in) throws IOException {
    var bytes = in.readNBytes((int) MAX_PART_BYTES + 1);
    if (bytes.length > MAX_PART_BYTES) {
      throw new NotExcel("Excel ファイルが大きすぎます");
    }
    return bytes;
  }

  private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
    var strings = new ArrayList<String>();
    var reader = parser(xml);
    StringBuilder current = null;
    while (reader.hasNext()) {
      var event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("rPh")) {
        skip(reader); // the furigana Japanese Excel stores beside the text is not part of it
      } else if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("si")) {
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

  private static List<CsvReader.Record> rows(byte[] xml, List<String> strings) throws XMLStreamException {
    var records = new ArrayList<CsvReader.Record>();
    var reader = parser(xml);
    List<String> cells = null;
    var rowNumber = 0;
    var column = 0;
    String type = null;
    while (reader.hasNext()) {
      var event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (reader.getLocalName()) {
          case "row" -> {
            cells = new ArrayList<>();
            var r = reader.getAttributeValue(null, "r");
            rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
          }
          case "c" -> {
            var ref = reader.getAttributeValue(null, "r");
            column = ref != null ? columnIndex(ref) : cells.size();
            type = reader.getAttributeValue(null, "t");
          }
          case "v", "t" -> {
            var text = reader.getElementText();
            var value = "s".equals(type) ? strings.get(Integer.parseInt(text.strip())) : text;
            while (cells.size() < column) {
              cells.add("");
            }
            cells.add(value);
          }
          default -> { }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("row")) {
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
          records.add(new CsvReader.Record(rowNumber, List.copyOf(cells)));
        }
      }
    }
    return records;
  }

  private static void skip(XMLStreamReader reader) throws XMLStreamException {
    for (var depth = 1; depth > 0; ) {
      var event = reader.next();
      depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
    }
  }

  /** "C12" → 2. */
  private static int columnIndex(String ref) {
    var index = 0;
    for (var ch : ref.toCharArray()) {
      if (!Character.isLetter(ch)) {
        break;
      }
      index = index * 26 + (Character.toUpperCase(ch) - 'A' + 1);
    }
    return index - 1;
  }

  /** No DTDs, no external entities: the file comes from outside. */
  private static XMLStreamReader parser(byte[] xml) throws XMLStreamException {
    var factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
  }
}
