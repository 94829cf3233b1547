package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.UserInputException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an area's staff meeting starts (at any time of the year): checked input, the next number of the
 * area's fiscal year, the business key {@code <area>:<fiscalYear>:staff-<n>} (tenant = the area), and its row.
 */
@Service
public class AreaStaffMeetingStarter {

  static final int MAX_TITLE = 100;
  private static final String REFUSED = "担当者会議を開始できません";

  private final AreaPlanService areas;
  private final StaffMeetingRepository meetings;
  private final RuntimeService runtime;

  AreaStaffMeetingStarter(AreaPlanService areas, StaffMeetingRepository meetings, RuntimeService runtime) {
    this.areas = areas;
    this.meetings = meetings;
    this.runtime = runtime;
  }

  /**
   * Starts the meeting in the caller's transaction with the engine's. Two starts at once may pick the same
   * number: the row's unique key fails the second (409, or on commit), and its rollback takes the process
   * instance with it.
   */
  @Transactional
  public StartedStaffMeeting start(String area, Integer fiscalYear, String title, String startedBy) {
    var a = areas.find(area).orElseThrow(() -> new UserInputException(REFUSED,
        List.of("area: 圏域コード \"" + area + "\" は登録されていません")));
    var errors = new ArrayList<String>();
    if (fiscalYear == null) {
      errors.add("fiscalYear: 年度は必須です");
    } else if (!a.covers(fiscalYear)) {
      errors.add("fiscalYear: 年度は" + a.name() + "の計画期間（" + a.firstYear() + "〜" + a.lastYear()
          + "年度）の範囲で指定してください（" + fiscalYear + "）");
    }
    var cleanTitle = title == null ? "" : title.strip();
    if (cleanTitle.isEmpty()) {
      errors.add("title: 会議名は必須です");
    } else if (cleanTitle.length() > MAX_TITLE) {
      errors.add("title: 会議名は" + MAX_TITLE + "文字以内で入力してください（" + cleanTitle.length() + "文字）");
    } else if (cleanTitle.chars().anyMatch(Character::isISOControl)) {
      errors.add("title: 会議名に改行や制御文字は使えません");
    }
    if (!errors.isEmpty()) {
      throw new UserInputException(REFUSED, errors);
    }
    var key = new StaffMeetingKey(a.code(), fiscalYear, meetings.lastNumber(a.code(), fiscalYear) + 1);
    // the row first: the agenda task, created as the instance starts, reads it
    StaffMeeting meeting;
    try {
      meeting = meetings.saveAndFlush(new StaffMeeting(key, cleanTitle, startedBy, Instant.now()));
    } catch (DataIntegrityViolationException e) {
      throw new ConflictException("同じ時に別の担当者会議が開始されました（" + key.businessKey() + "）。もう一度開始してください");
    }
    var instance = runtime.createProcessInstanceByKey(AreaStaffMeetingProcess.KEY)
        .businessKey(key.businessKey())
        .setVariable(AreaStaffMeetingProcess.AREA, a.code())
        .setVariable(AreaStaffMeetingProcess.FISCAL_YEAR, fiscalYear)
        .execute();
    meeting.started(instance.getId());
    meetings.save(meeting);
    return new StartedStaffMeeting(instance.getId(), key.businessKey(), a.code(), fiscalYear, key.number(), cleanTitle);
  }
}
