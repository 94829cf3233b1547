package jp.climatepdca.cycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.UserInputException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one way a fiscal-year cycle starts: checked input, one per municipality and year. */
@Service
public class CycleStarter {

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;

  private final PlanService plan;
  private final CycleSchedule schedule;
  private final RuntimeService runtime;
  private final FiscalYearCycleRepository cycles;
  private final CycleGovernance governance;

  CycleStarter(PlanService plan, CycleSchedule schedule, RuntimeService runtime, FiscalYearCycleRepository cycles,
      CycleGovernance governance) {
    this.plan = plan;
    this.governance = governance;
    this.schedule = schedule;
    this.runtime = runtime;
    this.cycles = cycles;
  }

  /**
   * Starts the cycle in the caller's transaction with the engine's; the row's unique key makes a
   * concurrent second start fail on commit, so exactly one process instance survives.
   */
  @Transactional
  public StartedCycle start(String municipality, Integer fiscalYear, String startedBy) {
    var errors = new ArrayList<String>();
    if (municipality == null || municipality.isBlank()) {
      errors.add("municipality: 自治体コードは必須です");
    }
    if (fiscalYear == null) {
      errors.add("fiscalYear: 年度は必須です");
    } else if (fiscalYear < FIRST_YEAR || fiscalYear > LAST_YEAR) {
      errors.add("fiscalYear: 年度は" + FIRST_YEAR + "〜" + LAST_YEAR + "の範囲で指定してください（" + fiscalYear + "）");
    }
    if (!errors.isEmpty()) {
      throw new UserInputException("年度サイクルを開始できません", errors);
    }
    var m = plan.findMunicipality(municipality).orElseThrow(() -> new UserInputException(
        "年度サイクルを開始できません", List.of("municipality: 自治体コード \"" + municipality + "\" は登録されていません")));
    var reference = new CycleReference(m.code(), fiscalYear);
    if (cycles.existsByMunicipalityCodeAndFiscalYear(m.code(), fiscalYear)) {
      throw alreadyStarted(reference);
    }
    if (plan.assessingDepartmentCodes(m.code()).isEmpty()) {
      throw new UserInputException("年度サイクルを開始できません",
          List.of("municipality: " + m.name() + " には点検対象の施策がありません。先に計画データを登録してください"));
    }
    // before the engine creates the April timer: the cycle keeps these dates and bodies all year
    governance.take(m.code(), fiscalYear);
    var instance = runtime.createProcessInstanceByKey(FiscalYearCycleProcess.KEY)
        .businessKey(reference.businessKey())
        .setVariable(CycleReference.MUNICIPALITY, m.code())
        .setVariable(CycleReference.FISCAL_YEAR, fiscalYear)
        .setVariable(CycleReference.REVIEW_YEAR, schedule.reviewYear(fiscalYear))
        .setVariable(CycleReference.INVENTORY_YEAR, schedule.inventoryYear(fiscalYear))
        .setVariable(FiscalYearCycleProcess.LIAISON_MEETING, m.liaisonMeeting())
        .execute();
    try {
      cycles.saveAndFlush(new FiscalYearCycle(m.code(), fiscalYear, reference.businessKey(), instance.getId(),
          startedBy, Instant.now()));
    } catch (DataIntegrityViolationException e) {
      throw alreadyStarted(reference);
    }
    return new StartedCycle(instance.getId(), reference.businessKey(), m.code(), fiscalYear);
  }

  public boolean isKnownMunicipality(String municipality) {
    return plan.findMunicipality(municipality).isPresent();
  }

  private static ConflictException alreadyStarted(CycleReference reference) {
    return new ConflictException(reference.fiscalYear() + "年度のサイクル（" + reference.businessKey() + "）は既に開始されています");
  }
}
