package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.cycle.CycleProgress;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which members' cycles an area cycle takes in: each member's cycle of the year is started through
 * {@link CycleStarter} or, when it already runs and has not gone past its internal evaluation, adopted. A
 * member whose cycle ended or went past its internal evaluation, or that joined another area cycle of the
 * year, is refused (409): the whole start is refused and nothing is stored.
 */
@Service
class AreaMembership {

  private final AreaCycleMemberRepository members;
  private final CycleProgress progress;
  private final CycleStarter cycleStarter;
  private final PlanService plan;

  AreaMembership(AreaCycleMemberRepository members, CycleProgress progress, CycleStarter cycleStarter,
      PlanService plan) {
    this.members = members;
    this.progress = progress;
    this.cycleStarter = cycleStarter;
    this.plan = plan;
  }

  /** Every reason a member cannot join, at once (empty when all can). */
  List<String> refusals(AreaView area, int fiscalYear) {
    var reasons = new ArrayList<String>();
    for (var member : area.members()) {
      var name = name(member);
      members.findByMunicipalityCodeAndFiscalYear(member, fiscalYear)
          .filter(m -> !m.areaCode().equals(area.code()))
          .ifPresent(m -> reasons.add(name + " は既に" + fiscalYear + "年度の圏域サイクル（" + m.areaCode() + "）に参加しています"));
      progress.of(member, fiscalYear).ifPresent(p -> {
        if (p.ended()) {
          reasons.add(name + " の" + fiscalYear + "年度のサイクルは既に終了しているため、圏域のサイクルに参加できません");
        } else if (p.pastInternalEvaluation()) {
          reasons.add(name + " の" + fiscalYear + "年度のサイクルは庁内評価（推進本部）を終えているため、圏域のサイクルに参加できません（現在：" + p.phaseLabel() + "）");
        }
      });
    }
    return reasons;
  }

  /** Task_StartMemberCycles: starts or adopts every member's cycle and records it. */
  @Transactional
  void joinAll(AreaView area, int fiscalYear, String startedBy) {
    var refusals = refusals(area, fiscalYear);
    if (!refusals.isEmpty()) {
      throw new ConflictException(area.name() + "の" + fiscalYear + "年度のサイクルを開始できません: " + String.join(" / ", refusals));
    }
    var position = 0;
    for (var member : area.members()) {
      var at = position++;
      if (members.findByAreaCodeAndFiscalYearAndMunicipalityCode(area.code(), fiscalYear, member).isPresent()) {
        continue;
      }
      var running = progress.of(member, fiscalYear);
      var joined = running.isPresent()
          ? new AreaCycleMember(area.code(), fiscalYear, member, at, AreaCycleMember.Joined.ADOPTED,
              running.get().processInstanceId(), Instant.now())
          : new AreaCycleMember(area.code(), fiscalYear, member, at, AreaCycleMember.Joined.STARTED,
              cycleStarter.start(member, fiscalYear, startedBy).processInstanceId(), Instant.now());
      members.save(joined);
    }
    members.flush();
  }

  private String name(String municipality) {
    return plan.findMunicipality(municipality).map(m -> m.name() + "（" + municipality + "）").orElse(municipality);
  }
}
