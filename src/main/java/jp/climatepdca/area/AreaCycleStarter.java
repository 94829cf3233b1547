package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.UserInputException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an area cycle starts: checked input, one per area and year. Its first step
 * (Task_StartMemberCycles) starts or adopts every member's cycle in the same transaction, so a refused
 * member leaves nothing started.
 */
@Service
public class AreaCycleStarter {

  private final AreaPlanService areas;
  private final AreaMembership membership;
  private final AreaCycleRepository cycles;
  private final AreaCycleMemberRepository members;
  private final RuntimeService runtime;

  AreaCycleStarter(AreaPlanService areas, AreaMembership membership, AreaCycleRepository cycles,
      AreaCycleMemberRepository members, RuntimeService runtime) {
    this.areas = areas;
    this.membership = membership;
    this.cycles = cycles;
    this.members = members;
    this.runtime = runtime;
  }

  @Transactional
  public StartedAreaCycle start(String area, Integer fiscalYear, String startedBy) {
    var errors = new ArrayList<String>();
    if (area == null || area.isBlank()) {
      errors.add("area: 圏域コードは必須です");
    }
    if (fiscalYear == null) {
      errors.add("fiscalYear: 年度は必須です");
    } else if (fiscalYear < CycleStarter.FIRST_YEAR || fiscalYear > CycleStarter.LAST_YEAR) {
      errors.add("fiscalYear: 年度は" + CycleStarter.FIRST_YEAR + "〜" + CycleStarter.LAST_YEAR + "の範囲で指定してください（" + fiscalYear + "）");
    }
    if (!errors.isEmpty()) {
      throw new UserInputException("圏域のサイクルを開始できません", errors);
    }
    var view = areas.find(area).orElseThrow(() -> new UserInputException("圏域のサイクルを開始できません",
        List.of("area: 圏域コード \"" + area + "\" は登録されていません")));
    if (!view.covers(fiscalYear)) {
      throw new UserInputException("圏域のサイクルを開始できません", List.of("fiscalYear: " + fiscalYear + "年度は"
          + view.name() + "の計画期間（" + view.firstYear() + "〜" + view.lastYear() + "年度）の外です"));
    }
    var businessKey = view.code() + ":" + fiscalYear;
    if (cycles.existsByAreaCodeAndFiscalYear(view.code(), fiscalYear)) {
      throw alreadyStarted(view, fiscalYear);
    }
    var refusals = membership.refusals(view, fiscalYear);
    if (!refusals.isEmpty()) {
      throw new ConflictException(view.name() + "の" + fiscalYear + "年度のサイクルを開始できません: "
          + String.join(" / ", refusals));
    }
    AreaCycle cycle;
    try {
      cycle = cycles.saveAndFlush(new AreaCycle(view.code(), fiscalYear, businessKey, startedBy, Instant.now()));
    } catch (DataIntegrityViolationException e) {
      throw alreadyStarted(view, fiscalYear);
    }
    var instance = runtime.createProcessInstanceByKey(AreaCycleProcess.KEY)
        .businessKey(businessKey)
        .setVariable(AreaCycleProcess.AREA, view.code())
        .setVariable(AreaCycleProcess.FISCAL_YEAR, fiscalYear)
        .execute();
    cycle.started(instance.getId());
    var joined = members.findByAreaCodeAndFiscalYearOrderByPosition(view.code(), fiscalYear).stream()
        .map(m -> new StartedAreaCycle.Member(m.municipalityCode(), m.joinedHow().name(), m.memberProcessInstanceId()))
        .toList();
    return new StartedAreaCycle(instance.getId(), businessKey, view.code(), fiscalYear, joined);
  }

  boolean isKnownArea(String area) {
    return areas.isArea(area);
  }

  private static ConflictException alreadyStarted(AreaView area, int fiscalYear) {
    return new ConflictException(area.name() + "の" + fiscalYear + "年度の圏域サイクル（" + area.code() + ":" + fiscalYear
        + "）は既に開始されています");
  }
}
