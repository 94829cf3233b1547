package jp.climatepdca.publication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Makes the PDF's text come out as the characters that were written. A Japanese font draws 行 and the
 * Kangxi radical ⾏ with one glyph; PDFBox's ToUnicode map names the lowest code point of a glyph, so
 * copying or extracting 実行 gave 実⾏ (U+2F8F) and 市民 gave 市⺠ (U+2EA0), which look the same but are
 * not found by a search. Each font's map is rewritten: where the font gives a glyph both a radical (or a
 * compatibility ideograph) and a unified ideograph, the unified ideograph wins.
 */
final class ToUnicodeRepair {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** Glyph id (PDFBox embeds a subset with the original glyph ids as CIDs) → the unified code point. */
  private final Map<Integer, Integer> unified = new java.util.HashMap<>();

  ToUnicodeRepair(byte[] trueTypeFont) throws IOException {
    try (var font = new org.apache.fontbox.ttf.TTFParser().parse(
        new org.apache.pdfbox.io.RandomAccessReadBuffer(trueTypeFont))) {
      var cmap = font.getUnicodeCmapLookup();
      for (int gid = 0; gid < font.getNumberOfGlyphs(); gid++) {
        var codes = cmap.getCharCodes(gid);
        if (codes != null && codes.size() > 1 && codes.stream().anyMatch(ToUnicodeRepair::isRadical)) {
          final int glyph = gid;
          codes.stream().filter(cp -> !isRadical(cp)).findFirst().ifPresent(cp -> unified.put(glyph, cp));
        }
      }
    }
  }

  static boolean isRadical(int cp) {
    return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0xF900 && cp <= 0xFAFF);
  }

  byte[] repair(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf); var out = new ByteArrayOutputStream()) {
      var done = new IdentityHashMap<Object, Boolean>();
      for (var page : document.getPages()) {
        var resources = page.getResources();
        for (var name : resources.getFontNames()) {
          if (resources.getFont(name) instanceof PDType0Font font && done.put(font.getCOSObject(), true) == null) {
            rewrite(document, font);
          }
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  private void rewrite(PDDocument document, PDType0Font font) throws IOException {
    if (font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) == null) {
      return;
    }
    var mappings = new LinkedHashMap<Integer, String>();
    var changed = false;
    for (int code = 0; code <= 0xFFFF; code++) {
      var unicode = font.toUnicode(code);
      if (unicode != null) {
        var fixed = unify(code, unicode);
        changed |= !fixed.equals(unicode);
        mappings.put(code, fixed);
      }
    }
    if (changed) {
      var stream = new PDStream(document);
      try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
        os.write(cmap(mappings).getBytes(StandardCharsets.US_ASCII));
      }
      font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
    }
  }

  /** The font's unified ideograph for the glyph, else the compatibility decomposition, else as it was. */
  String unify(int glyph, String text) {
    if (text.codePointCount(0, text.length()) != 1 || !isRadical(text.codePointAt(0))) {
      return text;
    }
    var better = unified.get(glyph);
    return better != null ? new String(Character.toChars(better)) : Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  private static String cmap(Map<Integer, String> mappings) {
    var text = new StringBuilder();
    text.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
        .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
        .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    var entries = mappings.entrySet().stream().toList();
    for (int start = 0; start < entries.size(); start += 100) {
      var block = entries.subList(start, Math.min(start + 100, entries.size()));
      text.append(block.size()).append(" beginbfchar\n");
      for (var e : block) {
        // codes and UTF-16 units are both 16 bits: four upper-case hex digits each (String.format took
        // most of the rewrite's time)
        text.append('<').append(HEX.toHexDigits((char) e.getKey().intValue())).append("> <");
        for (char c : e.getValue().toCharArray()) {
          text.append(HEX.toHexDigits(c));
        }
        text.append(">\n");
      }
      text.append("endbfchar\n");
    }
    text.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return text.toString();
  }
}
