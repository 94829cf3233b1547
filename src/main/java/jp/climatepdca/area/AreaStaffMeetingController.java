package jp.climatepdca.area;

import java.net.URI;
import java.util.List;
import jp.climatepdca.area.StaffMeetingRecords.Meeting;
import jp.climatepdca.system.FiscalYear;
import jp.climatepdca.system.NotFoundException;
import jp.climatepdca.system.UserInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The area's staff meetings (担当者会議): start one, list a fiscal year's, read one. */
@RestController
@RequestMapping("/api/areas/{area}/staff-meetings")
class AreaStaffMeetingController {

  private static final String NOT_ALLOWED = "この圏域の担当者会議を扱えるのは、圏域の事務局・担当者会議のメンバーまたは管理者だけです";

  private final AreaStaffMeetingStarter starter;
  private final AreaStaffMeetingService meetings;
  private final StaffMeetingAccess access;
  private final AreaPlanService areas;

  AreaStaffMeetingController(AreaStaffMeetingStarter starter, AreaStaffMeetingService meetings,
      StaffMeetingAccess access, AreaPlanService areas) {
    this.starter = starter;
    this.meetings = meetings;
    this.access = access;
    this.areas = areas;
  }

  /**
   * 201 with the meeting's location. Someone who works for no area gets 403 before anything else; an area's
   * staff get 400 for an unknown area code (a typo), 403 for another area's meetings.
   */
  @PostMapping
  ResponseEntity<StartedStaffMeeting> start(@PathVariable String area, @RequestBody StartRequest request,
      Authentication auth) {
    allowed(auth, area);
    var started = starter.start(area, request.fiscalYear(), request.title(), auth.getName());
    var location = URI.create("/api/areas/" + started.area() + "/staff-meetings/" + started.fiscalYear() + "/"
        + started.number());
    return ResponseEntity.created(location).body(started);
  }

  /** The fiscal year's meetings (those being prepared too) and the working groups that existed in it. */
  @GetMapping
  StaffMeetingRecords list(@PathVariable String area, @RequestParam(required = false) String fiscalYear,
      Authentication auth) {
    allowed(auth, area);
    var a = meetings.area(area);
    int year;
    try {
      year = Integer.parseInt(fiscalYear == null ? "" : fiscalYear.strip());
    } catch (NumberFormatException e) {
      throw new UserInputException("担当者会議の記録を表示できません", List.of(fiscalYear == null
          ? "fiscalYear: 年度を指定してください（?fiscalYear=2026）"
          : "fiscalYear: 年度は整数で指定してください（" + fiscalYear + "）"));
    }
    if (!a.covers(year)) {
      throw new UserInputException("担当者会議の記録を表示できません", List.of("fiscalYear: 年度は" + a.name()
          + "の計画期間（" + a.firstYear() + "〜" + a.lastYear() + "年度）の範囲で指定してください（" + year + "）"));
    }
    return meetings.overview(a.code(), year);
  }

  @GetMapping("/{fiscalYear}/{number}")
  Meeting one(@PathVariable String area, @PathVariable @FiscalYear int fiscalYear, @PathVariable int number,
      Authentication auth) {
    allowed(auth, area);
    return meetings.meeting(area, fiscalYear, number).orElseThrow(() -> new NotFoundException(
        fiscalYear + "年度 第" + number + "回の担当者会議（" + area + "）はありません"));
  }

  /** An unknown area is answered (400, 404) only to those who work for some area; 403 for everybody else. */
  private void allowed(Authentication auth, String area) {
    if (!access.worksForAnArea(auth) || areas.isArea(area) && !access.mayWorkOn(auth, area)) {
      throw new AccessDeniedException(NOT_ALLOWED);
    }
  }

  record StartRequest(Integer fiscalYear, String title) {}
}
