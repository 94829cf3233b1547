package jp.climatepdca.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry tasks a reviewer can return (Task_EnterSelfAssessment, Task_EnterActivityData,
 * Task_CompileCheck, Task_PrepareReport; registered in the BPMN for create and complete): on complete it
 * records who submitted; when the task is created again in the same process instance (the work came back)
 * it is assigned to that person, who finds it under 自分のタスク, instead of waiting in the group's pool
 * for anyone to claim. The group still sees it (its filter includes assigned tasks) and can reassign it.
 */
@Component("returnToSubmitterListener")
class ReturnToSubmitterListener implements TaskListener {

  private final TaskSubmissionRepository submissions;
  private final IdentityService identity;

  ReturnToSubmitterListener(TaskSubmissionRepository submissions, IdentityService identity) {
    this.submissions = submissions;
    this.identity = identity;
  }

  @Override
  @Transactional
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      submissions.findFirstByProcessInstanceIdAndTaskDefinitionKeyOrderByIdDesc(task.getProcessInstanceId(),
          task.getTaskDefinitionKey()).ifPresent(previous -> task.setAssignee(previous.submittedBy()));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      var user = submitter(task);
      if (user != null && !submissions.existsByTaskId(task.getId())) {
        submissions.save(new TaskSubmission(task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId(),
            user));
      }
    }
  }

  /** The person completing (Tasklist, /engine-rest), else the assignee; nobody for a system completion. */
  private String submitter(DelegateTask task) {
    var auth = identity.getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
  }
}
