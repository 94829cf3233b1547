package jp.climatepdca.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Cabinet Office's list of national holidays (内閣府「国民の祝日」syukujitsu.csv): a header line, then
 * {@code yyyy/M/d,名称} per holiday. The file is published in Shift_JIS; a copy converted to UTF-8 reads the
 * same, so the downloaded file can be dropped in as it is (docs/calendar.md). A line that is not a date and a
 * name stops start-up: a half-read list would count holidays as business days.
 */
record HolidayList(Map<LocalDate, String> days, int firstYear, int lastYear) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu/M/d");
  private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

  static HolidayList read(InputStream in, String source) throws IOException {
    var text = decode(in.readAllBytes());
    var days = new TreeMap<LocalDate, String>();
    var lines = text.split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      var line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      var cells = line.split(",", -1);
      if (cells.length < 2 || cells[1].isBlank()) {
        throw new IllegalStateException(source + " line " + (i + 1) + ": not \"yyyy/M/d,名称\": " + line);
      }
      try {
        var day = LocalDate.parse(cells[0].strip(), DAY);
        if (days.put(day, cells[1].strip()) != null) {
          throw new IllegalStateException(source + " line " + (i + 1) + ": " + day + " twice");
        }
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(source + " line " + (i + 1) + ": not a date: " + cells[0], e);
      }
    }
    if (days.isEmpty()) {
      throw new IllegalStateException(source + ": no holidays");
    }
    return new HolidayList(Collections.unmodifiableMap(days), days.firstKey().getYear(), days.lastKey().getYear());
  }

  boolean covers(int year) {
    return year >= firstYear && year <= lastYear;
  }

  /** UTF-8 (with or without a byte order mark) when the bytes are valid UTF-8, else Shift_JIS as published. */
  private static String decode(byte[] bytes) throws CharacterCodingException {
    try {
      var text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException notUtf8) {
      return SHIFT_JIS.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
  }
}
