package jp.climatepdca.area;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_HandleLateMember (提出遅延への対応): the secretariat reminds the late member with a new deadline or
 * goes on without it, with a note either way; recorded in area_cycle_member. Which member: the
 * multi-instance's element variable, checked against the area cycle's members (never trusted alone).
 */
@Component("lateMemberListener")
class LateMemberListener extends FormTaskListener {

  static final String DECISION = "lateDecision";
  static final String NEW_DEADLINE = "newDeadline";
  static final String NOTE = "lateNote";

  private final AreaForms forms;
  private final AreaCycleSchedule schedule;
  private final AreaCycleMemberRepository members;
  private final TaskVariables variables;

  LateMemberListener(AreaForms forms, AreaCycleSchedule schedule, AreaCycleMemberRepository members,
      TaskVariables variables) {
    this.forms = forms;
    this.schedule = schedule;
    this.members = members;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var member = member(task, cycle);
    forms.showHeader(task, cycle);
    variables.putText(task, "memberName", forms.memberName(member.municipalityCode()));
    variables.putText(task, "deadline", schedule.memberDeadline(cycle.municipality(), cycle.fiscalYear(),
        member.municipalityCode()).toString());
    variables.putText(task, "memberPhase", member.lateDecision() == null ? "未提出"
        : "未提出（" + member.lateDecision().label() + "：" + (member.lateNote() == null ? "" : member.lateNote()) + "）");
    variables.declare(task, DECISION, NEW_DEADLINE, NOTE);
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var member = member(task, cycle);
    var errors = new ArrayList<String>();
    var decision = variables.text(task, DECISION).orElse(null);
    var note = AreaText.required(variables, task, NOTE, "記録（督促の内容、または待たずに進める理由）", AreaText.NOTE, errors);
    LocalDate deadline = null;
    if (decision == null) {
      errors.add("対応（督促する・提出を待たずに進める）を選んでください");
    } else if (decision.equals(AreaCycleMember.LateDecision.REMIND.name())) {
      deadline = newDeadline(task, errors);
    } else if (!decision.equals(AreaCycleMember.LateDecision.PROCEED_WITHOUT.name())) {
      errors.add("対応の値 \"" + decision + "\" は使えません（REMIND または PROCEED_WITHOUT）");
    }
    refuseIfAny(errors);
    var user = variables.currentUser(task);
    var proceed = deadline == null;
    if (proceed) {
      member.proceededWithout(note, user, Instant.now());
    } else {
      member.reminded(deadline, note, user, Instant.now());
    }
    // in this member's instance of the subprocess, where the gateway after the task reads it: the subprocess
    // declares it (input mapping), and the task's own execution, a scope of its own since the task has reminder
    // timers (docs/reminders.md), hands it there; an instance of a version before the timers ran the task in the
    // member's execution itself
    var execution = task.getExecution();
    if (execution.hasVariableLocal(AreaCycleProcess.MEMBER)) {
      execution.setVariableLocal(AreaCycleProcess.PROCEED_WITHOUT_MEMBER, proceed);
    } else {
      execution.setVariable(AreaCycleProcess.PROCEED_WITHOUT_MEMBER, proceed);
    }
  }

  private LocalDate newDeadline(DelegateTask task, java.util.List<String> errors) {
    var text = variables.text(task, NEW_DEADLINE).orElse(null);
    if (text == null) {
      errors.add("督促する場合は新しい提出期限を入力してください");
      return null;
    }
    try {
      // form-js's date field submits yyyy-MM-dd; a date-time's date part is accepted too
      var date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      if (!date.isAfter(AreaCycleSchedule.today())) {
        errors.add("新しい提出期限は今日より後の日付にしてください（" + date + "）");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      errors.add("新しい提出期限 \"" + text + "\" は日付（例：2026-11-30）として読めません");
      return null;
    }
  }

  private AreaCycleMember member(DelegateTask task, CycleReference cycle) {
    var code = task.getExecution().getVariable(AreaCycleProcess.MEMBER);
    return members.findByAreaCodeAndFiscalYearAndMunicipalityCode(cycle.municipality(), cycle.fiscalYear(),
            code instanceof String s ? s : "")
        .orElseThrow(() -> new TaskInputException(java.util.List.of("この提出遅延のタスクの市町村が圏域のサイクルにありません")));
  }
}
