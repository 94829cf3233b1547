package jp.climatepdca.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** Japanese business days: the shipped holiday list against the law's rules, and the arithmetic on it. */
class BusinessCalendarTest {

  private static final ClassPathResource SHIPPED = new ClassPathResource("calendar/syukujitsu.csv");
  private final BusinessCalendar calendar = new BusinessCalendar(SHIPPED);

  /** The build's check of the yearly update: every year from 2020 in the list is exactly what the law makes. */
  @Test
  void theShippedListIsWhatTheLawMakesEveryYearFrom2020() throws IOException {
    var list = read(SHIPPED.getContentAsByteArray());
    assertThat(list.firstYear()).isLessThanOrEqualTo(2020);
    assertThat(list.lastYear()).isGreaterThanOrEqualTo(2027);
    assertThat(differences(list)).isEmpty();
  }

  /** The check above fails on a typo: 国民の休日 2026-09-22 written as the 24th. */
  @Test
  void aTypoInTheListIsFound() throws IOException {
    var text = SHIPPED.getContentAsString(StandardCharsets.UTF_8).replace("2026/9/22,休日", "2026/9/24,休日");
    assertThat(differences(read(text.getBytes(StandardCharsets.UTF_8))))
        .containsExactly("2026-09-22: law 休日, list null", "2026-09-24: law null, list 休日");
  }

  @Test
  void theCabinetOfficesShiftJisFileReadsTheSameAsTheUtf8Copy() throws IOException {
    var text = SHIPPED.getContentAsString(StandardCharsets.UTF_8);
    var shiftJis = read(text.getBytes(Charset.forName("windows-31j")));
    assertThat(shiftJis.days()).isEqualTo(read(text.getBytes(StandardCharsets.UTF_8)).days());
    assertThat(shiftJis.days()).containsEntry(LocalDate.of(2026, 9, 23), "秋分の日");
  }

  @Test
  void aLineThatIsNoDateAndNameStopsStartUp() {
    var broken = "国民の祝日・休日月日,国民の祝日・休日名称\r\n2026/1/1,元日\r\n2026/13/1,架空の日\r\n";
    assertThatThrownBy(() -> new BusinessCalendar(new ByteArrayResource(broken.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("line 3");
  }

  @Test
  void goldenWeek2026() {
    assertThat(calendar.holidayName(LocalDate.of(2026, 4, 29))).isEqualTo("昭和の日");
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 30))).isTrue();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 1))).isTrue();
    for (int day = 2; day <= 6; day++) {
      assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, day))).as("5/%d", day).isFalse();
    }
    // 憲法記念日 on a Sunday: 5/4 and 5/5 are holidays themselves, so the substitute is 5/6.
    assertThat(calendar.holidayName(LocalDate.of(2026, 5, 6))).isEqualTo("休日");
    assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 5, 1), 1)).isEqualTo(LocalDate.of(2026, 5, 7));
    assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 5, 7), -1)).isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 4, 28), 5)).isEqualTo(LocalDate.of(2026, 5, 11));
  }

  @Test
  void aSubstituteHolidayFollowsTheVernalEquinoxOnASunday() {
    assertThat(calendar.holidayName(LocalDate.of(2027, 3, 21))).isEqualTo("春分の日");
    assertThat(calendar.holidayName(LocalDate.of(2027, 3, 22))).isEqualTo("休日");
    assertThat(calendar.isBusinessDay(LocalDate.of(2027, 3, 22))).isFalse();
    assertThat(calendar.onOrAfter(LocalDate.of(2027, 3, 20))).isEqualTo(LocalDate.of(2027, 3, 23));
    assertThat(calendar.plusBusinessDays(LocalDate.of(2027, 3, 19), 1)).isEqualTo(LocalDate.of(2027, 3, 23));
  }

  @Test
  void theCitizensHolidayBetweenRespectForTheAgedDayAndTheAutumnalEquinox() {
    assertThat(calendar.holidayName(LocalDate.of(2026, 9, 21))).isEqualTo("敬老の日");
    assertThat(calendar.holidayName(LocalDate.of(2026, 9, 22))).isEqualTo("休日");
    assertThat(calendar.holidayName(LocalDate.of(2026, 9, 23))).isEqualTo("秋分の日");
    assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 24));
    assertThat(calendar.onOrBefore(LocalDate.of(2026, 9, 22))).isEqualTo(LocalDate.of(2026, 9, 18));
  }

  @Test
  void theYearEndClosure() {
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 28))).isTrue();
    for (var day = LocalDate.of(2026, 12, 29); day.isBefore(LocalDate.of(2027, 1, 4)); day = day.plusDays(1)) {
      assertThat(calendar.isBusinessDay(day)).as(day.toString()).isFalse();
    }
    assertThat(calendar.holidayName(LocalDate.of(2026, 12, 29))).isEqualTo("年末年始（閉庁日）");
    assertThat(calendar.holidayName(LocalDate.of(2027, 1, 1))).isEqualTo("元日");
    assertThat(calendar.holidayName(LocalDate.of(2027, 1, 3))).isEqualTo("年末年始（閉庁日）");
    assertThat(calendar.holidayName(LocalDate.of(2027, 1, 4))).isNull();
    assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 12, 28), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(calendar.plusBusinessDays(LocalDate.of(2027, 1, 4), -1)).isEqualTo(LocalDate.of(2026, 12, 28));
  }

  @Test
  void weekendsAndZero() {
    var saturday = LocalDate.of(2026, 6, 6);
    assertThat(calendar.isBusinessDay(saturday)).isFalse();
    assertThat(calendar.holidayName(saturday)).isNull();
    assertThat(calendar.plusBusinessDays(saturday, 0)).isEqualTo(saturday);
    assertThat(calendar.plusBusinessDays(saturday, 1)).isEqualTo(LocalDate.of(2026, 6, 8));
    assertThat(calendar.plusBusinessDays(saturday, -1)).isEqualTo(LocalDate.of(2026, 6, 5));
    assertThat(calendar.onOrAfter(saturday)).isEqualTo(LocalDate.of(2026, 6, 8));
    assertThat(calendar.onOrBefore(saturday)).isEqualTo(LocalDate.of(2026, 6, 5));
    assertThatThrownBy(() -> calendar.plusBusinessDays(saturday, 100_000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theEquinoxesOfTheCabinetOfficesYears() {
    var vernal = Map.of(2020, 20, 2021, 20, 2022, 21, 2023, 21, 2024, 20, 2025, 20, 2026, 20, 2027, 21);
    var autumnal = Map.of(2020, 22, 2021, 23, 2022, 23, 2023, 23, 2024, 22, 2025, 23, 2026, 23, 2027, 23);
    vernal.forEach((year, day) -> assertThat(HolidayRules.vernalEquinox(year)).as("%d", year).isEqualTo(day));
    autumnal.forEach((year, day) -> assertThat(HolidayRules.autumnalEquinox(year)).as("%d", year).isEqualTo(day));
  }

  /** Beyond the list the law's rules count: 2028's New Year and Coming of Age Day are no business days. */
  @Test
  void aYearBeyondTheListIsCountedByTheRulesNotAsPlainWeekdays() throws IOException {
    var onlyTo2026 = SHIPPED.getContentAsString(StandardCharsets.UTF_8).lines()
        .filter(line -> !line.startsWith("2027/")).reduce("", (a, b) -> a + b + "\r\n");
    var shortList = new BusinessCalendar(new ByteArrayResource(onlyTo2026.getBytes(StandardCharsets.UTF_8)));
    assertThat(shortList.holidayName(LocalDate.of(2027, 3, 22))).isEqualTo("休日");
    assertThat(shortList.isBusinessDay(LocalDate.of(2027, 5, 4))).isFalse();
    assertThat(calendar.holidayName(LocalDate.of(2028, 1, 10))).isEqualTo("成人の日");
    assertThat(calendar.plusBusinessDays(LocalDate.of(2027, 12, 28), 1)).isEqualTo(LocalDate.of(2028, 1, 4));
  }

  private static HolidayList read(byte[] bytes) throws IOException {
    return HolidayList.read(new ByteArrayInputStream(bytes), "test");
  }

  private static List<String> differences(HolidayList list) {
    var found = new ArrayList<String>();
    for (int year = Math.max(2020, list.firstYear()); year <= list.lastYear(); year++) {
      var law = HolidayRules.of(year);
      var listed = new TreeMap<LocalDate, String>();
      int y = year;
      list.days().forEach((day, name) -> {
        if (day.getYear() == y) {
          listed.put(day, name);
        }
      });
      var all = new TreeMap<LocalDate, String>(law);
      all.putAll(listed);
      for (var day : all.keySet()) {
        if (!Objects.equals(law.get(day), listed.get(day))) {
          found.add(day + ": law " + law.get(day) + ", list " + listed.get(day));
        }
      }
    }
    return found;
  }
}
