package jp.climatepdca.reminder;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import jp.climatepdca.identity.GroupNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Who gets each reminder, by the addresses of the Camunda users (docs/reminders.md):
 * <ul>
 *   <li>before and on the due date: the task's assignee once someone has claimed it, else every member of its
 *       candidate groups (and its candidate users);</li>
 *   <li>the first escalation: a department's task to the department head's group ({@code <m>-<dept>-head});
 *       any other task (the secretariat's, headquarters', a committee's, an area's) to the secretariat of its
 *       town or area, which runs the schedule and chases the bodies (no body has a chair of its own among the
 *       groups);</li>
 *   <li>the second: a department's task to the secretariat; none for the others, told already.</li>
 * </ul>
 * Users without an address are left out. Empty means nobody could be told (recorded, not sent); an empty
 * Optional that this reminder does not apply to the task.
 */
@Component
class ReminderRecipients {

  private final IdentityService identity;

  ReminderRecipients(IdentityService identity) {
    this.identity = identity;
  }

  Optional<List<String>> of(ReminderKind kind, DelegateTask task, ReminderSubject.Of subject) {
    return switch (kind) {
      case BEFORE_DUE, ON_DUE -> Optional.of(doers(task));
      case OVERDUE -> Optional.of(members(List.of(subject.ofDepartment()
          ? GroupNames.departmentHead(subject.code(), subject.departmentCode())
          : GroupNames.secretariat(subject.code()))));
      case OVERDUE_AGAIN -> subject.ofDepartment()
          ? Optional.of(members(List.of(GroupNames.secretariat(subject.code()))))
          : Optional.empty();
    };
  }

  private List<String> doers(DelegateTask task) {
    if (task.getAssignee() != null) {
      return addresses(identity.createUserQuery().userId(task.getAssignee()).list());
    }
    var groups = new TreeSet<String>();
    var users = new TreeSet<String>();
    for (var link : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      } else if (link.getUserId() != null) {
        users.add(link.getUserId());
      }
    }
    var found = new TreeSet<>(members(groups));
    if (!users.isEmpty()) {
      found.addAll(addresses(identity.createUserQuery().userIdIn(users.toArray(String[]::new)).list()));
    }
    return List.copyOf(found);
  }

  private List<String> members(Collection<String> groups) {
    var found = new TreeSet<String>();
    for (var group : groups) {
      found.addAll(addresses(identity.createUserQuery().memberOfGroup(group).list()));
    }
    return List.copyOf(found);
  }

  private static List<String> addresses(List<User> users) {
    return users.stream().map(User::getEmail).filter(e -> e != null && !e.isBlank()).map(String::trim)
        .distinct().sorted().toList();
  }
}
