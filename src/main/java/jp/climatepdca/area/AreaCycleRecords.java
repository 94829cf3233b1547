package jp.climatepdca.area;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.climatepdca.plan.PlanService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an area's year recorded, for its annual report and anyone reading the year afterwards: the liaison
 * meeting (agenda summary, attendance, minutes, decisions), the committee's opinions with the area's
 * responses, each member's hand-in with the secretariat's note when it was late or left out, and the
 * report's approval.
 */
@Service
@Transactional(readOnly = true)
public class AreaCycleRecords {

  public record Attendance(String municipality, String name, boolean attended, String attendee) {}

  public record LiaisonMeeting(String agendaSummary, List<Attendance> attendance, String minutes, String decisions,
      Instant heldAt) {}

  /** {@code subject}: a shared measure's code, or null for the plan as a whole. */
  public record Opinion(String subject, String committeeMember, String opinion, String response) {}

  /** {@code lateDecision}: REMIND or PROCEED_WITHOUT when the member was late; {@code returnedComment}: the liaison meeting's return. */
  public record Member(String municipality, String name, Instant submittedAt, String lateDecision, String lateNote,
      String returnedComment) {}

  public record Year(String area, int fiscalYear, Optional<LiaisonMeeting> liaisonMeeting, List<Opinion> opinions,
      List<Member> members, String approvedBy, Instant approvedAt) {}

  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

  private final AreaCycleRecordRepository records;
  private final AreaOpinionRepository opinions;
  private final AreaCycleMemberRepository members;
  private final PlanService plan;
  private final ObjectMapper json;

  AreaCycleRecords(AreaCycleRecordRepository records, AreaOpinionRepository opinions,
      AreaCycleMemberRepository members, PlanService plan, ObjectMapper json) {
    this.records = records;
    this.opinions = opinions;
    this.members = members;
    this.plan = plan;
    this.json = json;
  }

  /** The year's records so far (empty parts before the meetings were held). */
  public Year year(String area, int fiscalYear) {
    var record = records.findByAreaCodeAndFiscalYear(area, fiscalYear);
    var liaison = record.filter(r -> r.liaisonHeldAt() != null).map(r -> new LiaisonMeeting(r.agendaSummary(),
        attendance(r.liaisonAttendance()), r.liaisonMinutes(), r.liaisonDecisions(), r.liaisonHeldAt()));
    var opinionList = opinions.findByAreaCodeAndFiscalYearOrderByPosition(area, fiscalYear).stream()
        .map(o -> new Opinion(o.subject(), o.committeeMember(), o.opinion(), o.response())).toList();
    var memberList = members.findByAreaCodeAndFiscalYearOrderByPosition(area, fiscalYear).stream()
        .map(m -> new Member(m.municipalityCode(), name(m.municipalityCode()), m.resultSubmittedAt(),
            m.lateDecision() == null ? null : m.lateDecision().name(), m.lateNote(), m.returnedComment()))
        .toList();
    return new Year(area, fiscalYear, liaison, opinionList, memberList,
        record.map(AreaCycleRecord::approvedBy).orElse(null), record.map(AreaCycleRecord::approvedAt).orElse(null));
  }

  private List<Attendance> attendance(String stored) {
    if (stored == null) {
      return List.of();
    }
    try {
      return json.readValue(stored, ROWS).stream().map(row -> {
        var code = String.valueOf(row.get("municipality"));
        return new Attendance(code, name(code), Boolean.TRUE.equals(row.get("attended")),
            row.get("attendee") instanceof String s ? s : null);
      }).toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("area_cycle_record.liaison_attendance is no JSON list", e);
    }
  }

  private String name(String municipality) {
    return plan.findMunicipality(municipality).map(m -> m.name()).orElse(municipality);
  }
}
