package jp.climatepdca.publication;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Removes a table from a TrueType font's table directory. The report font loses its glyph substitution
 * table (GSUB) this way: PDFBox applies a font's Latin GSUB rules to every text it draws by building
 * regular expressions of the ligature patterns per text run, which made up about half the CPU time of
 * rendering a large city's report (400 measures), and a horizontal Japanese report needs none of those
 * substitutions (IPAex's GSUB holds vertical forms and the like). The glyphs and their cmap stay as they are.
 */
final class TrueTypeTables {

  private static final int DIRECTORY = 12;
  private static final int RECORD = 16;

  private TrueTypeTables() {}

  /**
   * The font without the named table: the directory is written again without its record, and the tables'
   * data stays where it was (their offsets count from the file's start, so none has to move). A font
   * without the table is returned as it was.
   */
  static byte[] without(byte[] font, String tag) {
    var in = ByteBuffer.wrap(font);
    int tables = Short.toUnsignedInt(in.getShort(4));
    var name = tag.getBytes(StandardCharsets.US_ASCII);
    int found = -1;
    for (int i = 0; i < tables && found < 0; i++) {
      if (in.slice(DIRECTORY + i * RECORD, 4).equals(ByteBuffer.wrap(name))) {
        found = i;
      }
    }
    if (found < 0) {
      return font;
    }
    var copy = font.clone();
    int end = DIRECTORY + tables * RECORD;
    int at = DIRECTORY + found * RECORD;
    System.arraycopy(font, at + RECORD, copy, at, end - at - RECORD);
    java.util.Arrays.fill(copy, end - RECORD, end, (byte) 0);
    writeSearchFields(ByteBuffer.wrap(copy), tables - 1);
    return copy;
  }

  /** numTables and the binary-search fields derived from it, as the TrueType specification defines them. */
  private static void writeSearchFields(ByteBuffer out, int tables) {
    int entrySelector = 31 - Integer.numberOfLeadingZeros(tables);
    int searchRange = (1 << entrySelector) * RECORD;
    out.putShort(4, (short) tables);
    out.putShort(6, (short) searchRange);
    out.putShort(8, (short) entrySelector);
    out.putShort(10, (short) (tables * RECORD - searchRange));
  }
}
