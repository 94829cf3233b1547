package jp.climatepdca.review;

import java.time.Instant;
import java.util.List;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The decision part every review form shares: a {@value #DECISION} of APPROVE or RETURN and a
 * {@value #COMMENT} that a return must carry.
 */
@Component
public class ReviewForm {

  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";
  private static final int MAX_COMMENT = 4000;

  private final TaskVariables variables;
  private final ReviewLog log;

  ReviewForm(TaskVariables variables, ReviewLog log) {
    this.variables = variables;
    this.log = log;
  }

  /** On create: the decision fields are task-local, so they never leak into the process instance. */
  public void declare(DelegateTask task) {
    variables.declare(task, DECISION, COMMENT);
  }

  /** Reads and checks the decision, adding what is wrong to {@code errors}; null when unusable. */
  public ReviewOutcome read(DelegateTask task, List<String> errors) {
    var decision = variables.text(task, DECISION).orElse(null);
    var comment = variables.text(task, COMMENT).orElse(null);
    ReviewOutcome outcome = null;
    if (decision == null) {
      errors.add("判断（承認・差戻し）を選んでください");
    } else {
      try {
        outcome = ReviewOutcome.valueOf(decision);
      } catch (IllegalArgumentException e) {
        errors.add("判断の値 \"" + decision + "\" は使えません（APPROVE または RETURN）");
      }
    }
    if (outcome == ReviewOutcome.RETURN && comment == null) {
      errors.add("差し戻す場合は、差戻しの理由をコメントに入力してください");
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      errors.add("コメントは" + MAX_COMMENT + "文字以内で入力してください");
    }
    return outcome;
  }

  /** Records the decision once all of the form was valid. */
  public void record(DelegateTask task, String municipality, int fiscalYear, String departmentCode,
      ReviewLevel level, ReviewOutcome outcome) {
    var comment = variables.text(task, COMMENT).orElse(null);
    log.record(new ReviewRecord(municipality, fiscalYear, departmentCode, level, outcome, comment, task.getId(),
        variables.currentUser(task), Instant.now()));
  }
}
