package jp.climatepdca.emission;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as Excel and LibreOffice save it: quoted fields may hold commas, doubled quotes and line
 * breaks; a UTF-8 byte-order mark is dropped. Each record keeps the line it starts on, so an error can
 * name the 行 a person sees in their editor.
 *
 * <p>Cells copied from Excel and pasted into a form arrive tab-separated, quoted the same way (a cell with a
 * line break or a quote): a first line holding a tab is read with tabs as the separator.
 */
final class CsvReader {

  private CsvReader() {}

  record Record(int line, List<String> cells) {}

  /** Thrown for a file that is not CSV at all (an open quote at the end: a cut-off file). */
  static final class MalformedCsv extends RuntimeException {
    final int line;

    MalformedCsv(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  static List<Record> read(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    var firstLine = text.indexOf('\n') < 0 ? text : text.substring(0, text.indexOf('\n'));
    var separator = firstLine.indexOf('\t') >= 0 ? '\t' : ',';
    var records = new ArrayList<Record>();
    var cells = new ArrayList<String>();
    var cell = new StringBuilder();
    var line = 1;
    var recordLine = 1;
    var quoted = false;
    var quoteLine = 0;
    for (var i = 0; i < text.length(); i++) {
      var c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
        quoteLine = line;
      } else if (c == separator) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        cells.add(cell.toString());
        cell.setLength(0);
        addUnlessBlank(records, recordLine, cells);
        cells = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new MalformedCsv(quoteLine, "引用符（\"）が閉じられていません。ファイルが途中で切れていないか確認してください");
    }
    if (!cell.isEmpty() || !cells.isEmpty()) {
      cells.add(cell.toString());
      addUnlessBlank(records, recordLine, cells);
    }
    return records;
  }

  private static void addUnlessBlank(List<Record> records, int line, List<String> cells) {
    if (cells.stream().anyMatch(c -> !c.isBlank())) {
      records.add(new Record(line, List.copyOf(cells)));
    }
  }
}
