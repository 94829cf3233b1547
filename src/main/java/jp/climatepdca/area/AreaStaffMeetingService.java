package jp.climatepdca.area;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.area.StaffMeeting.AgendaItem;
import jp.climatepdca.area.StaffMeeting.Attendance;
import jp.climatepdca.area.StaffMeetingRecords.Meeting;
import jp.climatepdca.area.StaffMeetingRecords.Member;
import jp.climatepdca.area.StaffMeetingRecords.WorkingGroupRecord;
import jp.climatepdca.plan.MunicipalityView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records of an area's staff meetings (担当者会議) and theme working groups. {@link #records} is what the
 * area's annual report shows; the task listeners of area-staff-meeting.bpmn write through the package's
 * methods, in the engine's transaction.
 */
@Service
public class AreaStaffMeetingService {

  private final StaffMeetingRepository meetings;
  private final WorkingGroupRepository groups;
  private final AreaPlanService areas;
  private final PlanService plan;

  AreaStaffMeetingService(StaffMeetingRepository meetings, WorkingGroupRepository groups, AreaPlanService areas,
      PlanService plan) {
    this.meetings = meetings;
    this.groups = groups;
    this.areas = areas;
    this.plan = plan;
  }

  /**
   * For the area's annual report of the fiscal year: the meetings held in it (in their order, 第1回 first) with
   * agenda, attendance, minutes and decisions, and every working group that existed at some time in it (set
   * up by its end, not dissolved before its start), dissolved or still active. Empty lists for an area without
   * meetings; an unknown area is a NotFoundException.
   */
  @Transactional(readOnly = true)
  public StaffMeetingRecords records(String area, int fiscalYear) {
    return view(area, fiscalYear, true);
  }

  /**
   * The day a staff meeting's task is due (deadline.TaskDueDates, docs/deadlines.md), from our tables: the
   * meeting's planned day for its record (会議の開催と記録), the working group's planned dissolution for its
   * report (活動報告と解散); empty for the other tasks and before the day is known.
   */
  @Transactional(readOnly = true)
  public Optional<LocalDate> dueDay(String businessKey, String taskDefinitionKey) {
    var meeting = meetings.findByBusinessKey(businessKey);
    return switch (taskDefinitionKey) {
      case AreaStaffMeetingProcess.TASK_RECORD_MEETING -> meeting.map(StaffMeeting::plannedOn);
      case AreaStaffMeetingProcess.TASK_DISSOLVE_WORKING_GROUP -> meeting.flatMap(m -> groups.findByMeetingId(m.id()))
          .map(WorkingGroup::plannedDissolutionOn);
      default -> Optional.empty();
    };
  }

  /** The same with the meetings still being prepared (the API's list). */
  @Transactional(readOnly = true)
  StaffMeetingRecords overview(String area, int fiscalYear) {
    return view(area, fiscalYear, false);
  }

  @Transactional(readOnly = true)
  Optional<Meeting> meeting(String area, int fiscalYear, int number) {
    var key = new StaffMeetingKey(area, fiscalYear, number);
    return meetings.findByBusinessKey(key.businessKey()).map(m -> meetingView(m,
        groups.findByMeetingId(m.id()).map(WorkingGroup::theme).orElse(null)));
  }

  AreaView area(String area) {
    return areas.find(area).orElseThrow(() -> new NotFoundException("圏域 \"" + area + "\" は登録されていません"));
  }

  String municipalityName(String code) {
    return plan.findMunicipality(code).map(MunicipalityView::name).orElse(code);
  }

  StaffMeeting meeting(StaffMeetingKey key) {
    return meetings.findByBusinessKey(key.businessKey()).orElseThrow(() -> new IllegalStateException(
        "no staff meeting row for " + key.businessKey()));
  }

  Optional<WorkingGroup> workingGroup(StaffMeeting meeting) {
    return groups.findByMeetingId(meeting.id());
  }

  void prepare(StaffMeeting meeting, LocalDate plannedOn, String place, List<AgendaItem> agenda, String by) {
    meeting.prepare(plannedOn, place, agenda, by, Instant.now());
    meetings.save(meeting);
  }

  void record(StaffMeeting meeting, LocalDate heldOn, List<Attendance> attendance, String minutes,
      List<String> decisions, String by) {
    meeting.record(heldOn, attendance, minutes, decisions, by, Instant.now());
    meetings.save(meeting);
  }

  void setUp(StaffMeeting meeting, String theme, String purpose, List<String> members, LocalDate setUpOn,
      LocalDate plannedDissolutionOn, String by) {
    groups.save(new WorkingGroup(meeting.areaCode(), meeting.id(), theme, purpose, members, setUpOn,
        plannedDissolutionOn, by, Instant.now()));
  }

  void extend(WorkingGroup group, LocalDate plannedOn, String reason, String by) {
    group.extend(plannedOn, reason, by, Instant.now());
    groups.save(group);
  }

  void dissolve(WorkingGroup group, LocalDate on, String report, String by) {
    group.dissolve(on, report, by, Instant.now());
    groups.save(group);
  }

  private StaffMeetingRecords view(String area, int fiscalYear, boolean heldOnly) {
    var a = area(area);
    var yearsMeetings = meetings.findByAreaCodeAndFiscalYearOrderByNumber(a.code(), fiscalYear).stream()
        .filter(m -> !heldOnly || m.state() == StaffMeetingState.HELD).toList();
    var yearsGroups = groups.activeBetween(a.code(), FiscalYearDays.first(fiscalYear),
        FiscalYearDays.last(fiscalYear));
    var themes = yearsMeetings.isEmpty() ? Map.<Long, String>of() : groupsOf(yearsMeetings);
    var setUpBy = meetings.findByIdIn(yearsGroups.stream().map(WorkingGroup::meetingId).toList()).stream()
        .collect(Collectors.toMap(StaffMeeting::id, Function.identity()));
    return new StaffMeetingRecords(a.code(), a.name(), fiscalYear,
        yearsMeetings.stream().map(m -> meetingView(m, themes.get(m.id()))).toList(),
        yearsGroups.stream().sorted(Comparator.comparing(WorkingGroup::setUpOn))
            .map(g -> groupView(g, setUpBy.get(g.meetingId()))).toList());
  }

  private Map<Long, String> groupsOf(List<StaffMeeting> list) {
    return list.stream().flatMap(m -> groups.findByMeetingId(m.id()).stream())
        .collect(Collectors.toMap(WorkingGroup::meetingId, WorkingGroup::theme));
  }

  private Meeting meetingView(StaffMeeting m, String workingGroupTheme) {
    var attendance = m.attendance().stream().map(a -> new StaffMeetingRecords.Attendance(a.municipalityCode(),
        municipalityName(a.municipalityCode()), a.attended(), a.attendees())).toList();
    return new Meeting(m.number(), new StaffMeetingKey(m.areaCode(), m.fiscalYear(), m.number()).businessKey(),
        m.title(), m.state(), m.state().label(), m.plannedOn(), m.place(), m.heldOn(),
        m.agenda().stream().map(i -> new StaffMeetingRecords.AgendaItem(i.title(), i.materials())).toList(),
        attendance, (int) attendance.stream().filter(StaffMeetingRecords.Attendance::attended).count(), m.minutes(),
        m.decisions(), workingGroupTheme);
  }

  private WorkingGroupRecord groupView(WorkingGroup g, StaffMeeting setUpBy) {
    var state = g.dissolvedOn() == null ? WorkingGroupState.ACTIVE : WorkingGroupState.DISSOLVED;
    return new WorkingGroupRecord(g.theme(), g.purpose(),
        g.members().stream().map(code -> new Member(code, municipalityName(code))).toList(), g.setUpOn(),
        g.plannedDissolutionOn(), g.dissolvedOn(), state, state.label(), g.report(), setUpBy.fiscalYear(),
        setUpBy.number(), setUpBy.title(),
        g.extensions().stream().map(e -> new StaffMeetingRecords.Extension(e.previousPlannedOn(), e.plannedOn(),
            e.reason())).toList());
  }
}
