package jp.climatepdca.area;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.area.AreaReportContent.ActionEntry;
import jp.climatepdca.area.AreaReportContent.Attendance;
import jp.climatepdca.area.AreaReportContent.Meetings;
import jp.climatepdca.area.AreaReportContent.Opinion;
import jp.climatepdca.area.AreaReportContent.ReturnedMember;
import org.springframework.stereotype.Component;

/**
 * What the area's annual report freezes of the year's meetings (AreaReportContent.Meetings), read from the area
 * cycle's tables (area_cycle_record, area_cycle_member, area_opinion, area_measure_decision) and the staff
 * meeting's records: the area's liaison meeting and committee are the point of the area's PDCA, so the report
 * that the area publishes says what they found and decided, not only the figures.
 */
@Component
class AreaReportMeetings {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Tokyo"));
  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

  private final AreaCycleRecordRepository records;
  private final AreaCycleMemberRepository members;
  private final AreaOpinionRepository opinions;
  private final AreaMeasureDecisionRepository decisions;
  private final AreaPlanService areas;
  private final AreaStaffMeetingService staffMeetings;
  private final AreaForms forms;
  private final ObjectMapper json;

  AreaReportMeetings(AreaCycleRecordRepository records, AreaCycleMemberRepository members,
      AreaOpinionRepository opinions, AreaMeasureDecisionRepository decisions, AreaPlanService areas,
      AreaStaffMeetingService staffMeetings, AreaForms forms, ObjectMapper json) {
    this.records = records;
    this.members = members;
    this.opinions = opinions;
    this.decisions = decisions;
    this.areas = areas;
    this.staffMeetings = staffMeetings;
    this.forms = forms;
    this.json = json;
  }

  Meetings of(AreaView area, int fiscalYear) {
    var record = records.findByAreaCodeAndFiscalYear(area.code(), fiscalYear);
    var minutes = record.map(AreaCycleRecord::liaisonMinutes).orElse(null);
    var decided = record.map(AreaCycleRecord::liaisonDecisions).map(AreaReportMeetings::lines).orElse(List.of());
    var heldOn = record.map(AreaCycleRecord::liaisonHeldAt).map(DAY::format).orElse(null);
    var attendance = record.map(AreaCycleRecord::liaisonAttendance).map(this::attendance).orElse(List.of());
    var returned = members.findByAreaCodeAndFiscalYearOrderByPosition(area.code(), fiscalYear).stream()
        .filter(m -> m.returnedAt() != null)
        .map(m -> new ReturnedMember(m.municipalityCode(), forms.memberName(m.municipalityCode()), m.returnedComment(),
            DAY.format(m.returnedAt()), m.submitted()))
        .toList();
    var measures = areas.sharedMeasures(area.code()).stream()
        .collect(Collectors.toMap(SharedMeasureView::code, Function.identity()));
    var subjects = opinions.findByAreaCodeAndFiscalYearOrderByPosition(area.code(), fiscalYear).stream()
        .map(o -> new Opinion(o.subject() == null ? "計画全体"
            : o.subject() + (measures.containsKey(o.subject()) ? " " + measures.get(o.subject()).name() : ""),
            o.opinion(), o.response()))
        .toList();
    // the plan's order, key projects as they stand in it
    var actions = areas.sharedMeasures(area.code()).stream()
        .map(m -> decisions.findByAreaCodeAndFiscalYearAndMeasureCode(area.code(), fiscalYear, m.code())
            .filter(d -> d.decision() != null)
            .map(d -> new ActionEntry(m.code(), m.name(), m.keyProject(), d.decision().name(), d.decision().label(),
                d.reason()))
            .orElse(null))
        .filter(Objects::nonNull)
        .toList();
    return new Meetings(minutes, decided, subjects, heldOn, attendance, returned, actions,
        staffMeetings.records(area.code(), fiscalYear));
  }

  /** The liaison meeting's attendance as stored by its form (municipality, attended, attendee). */
  private List<Attendance> attendance(String stored) {
    try {
      return json.readValue(stored, ROWS).stream().map(row -> {
        var code = String.valueOf(row.get("municipality"));
        return new Attendance(code, forms.memberName(code), Boolean.TRUE.equals(row.get("attended")),
            row.get("attendee") instanceof String s ? s : null);
      }).toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read the liaison meeting's attendance", e);
    }
  }

  /** The decisions as written, one a line (a form's text area), empty lines left out. */
  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
