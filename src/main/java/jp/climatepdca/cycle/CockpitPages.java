package jp.climatepdca.cycle;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import jp.climatepdca.engine.WebappLogin;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.system.Problems;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the Cockpit pages of the cycle list (app/cockpit/custom/cycle-overview.js) share, the towns' cycles here
 * and the areas' cycles (area package): who may read them, an instance's state in the history, and an ended
 * instance's steps, which Cockpit Community Edition does not show.
 */
@Component
public class CockpitPages {

  private final WebappLogin login;
  private final IdentityService identity;
  private final HistoryService history;

  CockpitPages(WebappLogin login, IdentityService identity, HistoryService history) {
    this.login = login;
    this.identity = identity;
    this.history = history;
  }

  /**
   * 401 without a webapp login (HTTP Basic does not count: the page runs in Cockpit's session), 403 for anyone
   * not in camunda-admin now (groups read again, not the login's cached ones; the lists cross every tenant);
   * null for an administrator.
   */
  public ResponseEntity<ProblemDetail> refusal(HttpServletRequest request) {
    var user = login.userId(request);
    if (user.isEmpty()) {
      return Problems.answer(HttpStatus.UNAUTHORIZED, "ログインが必要です", "Cockpit に管理者としてログインしてから開いてください");
    }
    if (identity.createGroupQuery().groupMember(user.get()).groupId(GroupNames.ADMIN).count() == 0) {
      return Problems.answer(HttpStatus.FORBIDDEN, "権限がありません", "全自治体の年度サイクル一覧を見られるのは管理者（camunda-admin）だけです");
    }
    return null;
  }

  /** The named steps of an instance, running or ended, in the order they started, from the history. */
  public List<Step> steps(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .filter(a -> a.getActivityName() != null && !a.getActivityName().isBlank())
        .map(a -> new Step(a.getActivityId(), a.getActivityName(), a.getActivityType(), a.getAssignee(),
            a.getStartTime().toInstant(), a.getEndTime() == null ? null : a.getEndTime().toInstant()))
        .toList();
  }

  /** A step of an instance from the history: what Cockpit CE shows of an ended instance, nothing. */
  public record Step(String activityId, String name, String type, String assignee, Instant started, Instant ended) {}

  /** The instance's state in the history; an instance whose history was cleaned up counts as ended. */
  public enum State {
    RUNNING("実行中"), SUSPENDED("一時停止中"), COMPLETED("完了"), TERMINATED("中止");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public boolean running() {
      return this == RUNNING || this == SUSPENDED;
    }

    public static State of(HistoricProcessInstance instance) {
      if (instance == null) {
        return COMPLETED;
      }
      return switch (instance.getState()) {
        case HistoricProcessInstance.STATE_ACTIVE -> RUNNING;
        case HistoricProcessInstance.STATE_SUSPENDED -> SUSPENDED;
        case HistoricProcessInstance.STATE_COMPLETED -> COMPLETED;
        default -> TERMINATED;
      };
    }
  }
}
