package jp.climatepdca.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An .xlsx as Excel lays it out: the workbook, its relationships naming each sheet's part, shared
 * strings, and the sheets. Tests build good and hostile files with it (a sheet under another name than
 * sheet1.xml, a sheet that inflates to gigabytes, a cell at XFD1048576).
 */
public final class Workbook {

  public static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private final Map<String, String> sheets = new LinkedHashMap<>();
  private List<String> strings = List.of();
  private String bomb;
  private long bombBytes;

  /** A sheet (its rows, the inside of sheetData) stored in the part xl/{@code part}; the first added is the first sheet. */
  public Workbook sheet(String part, String rows) {
    sheets.put(part, rows);
    return this;
  }

  public Workbook strings(List<String> strings) {
    this.strings = strings;
    return this;
  }

  /** The part xl/{@code part} as a sheet of {@code bytes} bytes of one repeated blank row (it compresses ~1000:1). */
  public Workbook inflatingSheet(String part, long bytes) {
    sheets.put(part, null);
    bomb = part;
    bombBytes = bytes;
    return this;
  }

  public byte[] bytes() {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      var workbook = new StringBuilder("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheets>");
      var rels = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
      var i = 0;
      for (var part : sheets.keySet()) {
        i++;
        workbook.append("<sheet name=\"Sheet").append(i).append("\" sheetId=\"").append(i).append("\" r:id=\"rId")
            .append(i).append("\"/>");
        rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL).append("/worksheet\" Target=\"")
            .append(part).append("\"/>");
      }
      rels.append("<Relationship Id=\"rIdS\" Type=\"").append(REL).append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
      put(zip, "xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
      put(zip, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
      var shared = new StringBuilder("<sst xmlns=\"" + MAIN + "\">");
      strings.forEach(s -> shared.append("<si><t>").append(s).append("</t>")
          .append(s.equals("部門") ? "<rPh sb=\"0\" eb=\"2\"><t>ブモン</t></rPh>" : "").append("</si>"));
      put(zip, "xl/sharedStrings.xml", shared.append("</sst>").toString());
      for (var sheet : sheets.entrySet()) {
        zip.putNextEntry(new ZipEntry("xl/" + sheet.getKey()));
        if (sheet.getKey().equals(bomb)) {
          writeBomb(zip);
        } else {
          zip.write(utf8("<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + sheet.getValue() + "</sheetData></worksheet>"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void writeBomb(OutputStream zip) throws IOException {
    zip.write(utf8("<worksheet xmlns=\"" + MAIN + "\"><sheetData>"));
    var chunk = utf8("<!--" + " ".repeat(64 * 1024 - 7) + "-->");
    for (long written = 0; written < bombBytes; written += chunk.length) {
      zip.write(chunk);
    }
    zip.write(utf8("</sheetData></worksheet>"));
  }

  private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(utf8(xml));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
