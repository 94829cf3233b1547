package jp.climatepdca.area;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
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
 * What the area's annual report freezes of the year's meetings (AreaReportContent.Meetings): the area cycle's
 * records (AreaCycleRecords: liaison meeting, committee, members' returns), its Action per shared measure and
 * the staff meeting's records. The liaison meeting and the committee are the point of the area's PDCA, so the
 * report the area publishes says what they found and decided, not only the figures.
 */
@Component
class AreaReportMeetings {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Tokyo"));

  private final AreaCycleRecords records;
  private final AreaMeasureDecisionRepository decisions;
  private final AreaPlanService areas;
  private final AreaStaffMeetingService staffMeetings;

  AreaReportMeetings(AreaCycleRecords records, AreaMeasureDecisionRepository decisions, AreaPlanService areas,
      AreaStaffMeetingService staffMeetings) {
    this.records = records;
    this.decisions = decisions;
    this.areas = areas;
    this.staffMeetings = staffMeetings;
  }

  Meetings of(AreaView area, int fiscalYear) {
    var year = records.year(area.code(), fiscalYear);
    var liaison = year.liaisonMeeting();
    var measures = areas.sharedMeasures(area.code(), fiscalYear);
    var byCode = measures.stream().collect(Collectors.toMap(SharedMeasureView::code, Function.identity()));
    var opinions = year.opinions().stream()
        .map(o -> new Opinion(o.subject() == null ? "計画全体"
            : o.subject() + (byCode.containsKey(o.subject()) ? " " + byCode.get(o.subject()).name() : ""),
            o.opinion(), o.response()))
        .toList();
    // a returned member's hand-in was cleared by the return; handed in again when it has one again
    var returned = year.members().stream().filter(m -> m.returnedComment() != null)
        .map(m -> new ReturnedMember(m.municipality(), m.name(), m.returnedComment(), m.submittedAt() != null))
        .toList();
    var actions = measures.stream()
        .map(m -> decisions.findByAreaCodeAndFiscalYearAndMeasureCode(area.code(), fiscalYear, m.code())
            .filter(d -> d.decision() != null)
            .map(d -> new ActionEntry(m.code(), m.name(), m.keyProject(), d.decision().name(), d.decision().label(),
                d.reason()))
            .orElse(null))
        .filter(Objects::nonNull)
        .toList();
    return new Meetings(liaison.map(AreaCycleRecords.LiaisonMeeting::minutes).orElse(null),
        liaison.map(AreaCycleRecords.LiaisonMeeting::decisions).map(AreaReportMeetings::lines).orElse(List.of()),
        opinions, liaison.map(l -> DAY.format(l.heldAt())).orElse(null),
        liaison.map(l -> l.attendance().stream()
            .map(a -> new Attendance(a.municipality(), a.name(), a.attended(), a.attendee())).toList()).orElse(List.of()),
        returned, actions, staffMeetings.records(area.code(), fiscalYear));
  }

  /** The decisions as written, one a line (a form's text area), empty lines left out. */
  private static List<String> lines(String text) {
    return text == null ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
