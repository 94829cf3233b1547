package jp.climatepdca.taskdraft;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import jp.climatepdca.engine.WebappLogin;
import jp.climatepdca.system.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /camunda/api/climate-pdca/task-drafts/{taskId}}: the draft of an open task's form, for Tasklist's page
 * (custom/task-drafts.js). GET answers the draft (200) or that there is none (204); PUT stores the body, the
 * form's values as a JSON object, as the task's draft; DELETE discards it (204). Under the webapps' address
 * for the same reasons as the task-file upload: the Tasklist session, Camunda's CSRF token on PUT and DELETE,
 * besides our same-origin check and request size limit. Only the Tasklist login counts, never HTTP Basic.
 */
@RestController
@RequestMapping("${camunda.bpm.webapp.application-path:/camunda}/api/climate-pdca/task-drafts")
class TaskDraftController {

  private final WebappLogin login;
  private final TaskDrafts drafts;

  TaskDraftController(WebappLogin login, TaskDrafts drafts) {
    this.login = login;
    this.drafts = drafts;
  }

  @GetMapping(value = "/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> get(@PathVariable String taskId, HttpServletRequest request) {
    var user = login.userId(request);
    if (user.isEmpty()) {
      return notLoggedIn();
    }
    return drafts.find(user.get(), taskId).<ResponseEntity<?>>map(found -> {
      var body = new LinkedHashMap<String, Object>();
      body.put("taskId", found.saved().taskId());
      body.put("savedBy", found.saved().savedBy());
      body.put("savedByName", found.saved().savedByName());
      body.put("savedAt", found.saved().savedAt());
      body.put("savedAtText", found.saved().savedAtText());
      body.put("values", found.values());
      return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
    }).orElseGet(() -> ResponseEntity.noContent().header("Cache-Control", "no-store").build());
  }

  @PutMapping(value = "/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> put(@PathVariable String taskId, HttpServletRequest request) throws IOException {
    var user = login.userId(request);
    if (user.isEmpty()) {
      return notLoggedIn();
    }
    // one byte past the limit is enough to refuse: a larger body is never held whole
    var body = request.getInputStream().readNBytes(TaskDrafts.MAX_BYTES + 1);
    var saved = drafts.save(user.get(), taskId, body);
    var answer = new LinkedHashMap<String, Object>();
    answer.put("message", "下書きを保存しました（" + saved.savedByName() + "・" + saved.savedAtText() + "）");
    answer.put("savedBy", saved.savedBy());
    answer.put("savedByName", saved.savedByName());
    answer.put("savedAt", saved.savedAt());
    answer.put("savedAtText", saved.savedAtText());
    return ResponseEntity.ok(answer);
  }

  @DeleteMapping("/{taskId}")
  ResponseEntity<?> delete(@PathVariable String taskId, HttpServletRequest request) {
    var user = login.userId(request);
    if (user.isEmpty()) {
      return notLoggedIn();
    }
    drafts.discard(user.get(), taskId);
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(TaskDrafts.DraftTooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(TaskDrafts.DraftTooLarge e) {
    return Problems.answer(HttpStatus.PAYLOAD_TOO_LARGE, "下書きが大きすぎます", e.getMessage());
  }

  private static ResponseEntity<ProblemDetail> notLoggedIn() {
    return Problems.answer(HttpStatus.UNAUTHORIZED, "ログインが必要です",
        "Tasklist にログインしてから、作業の画面で下書きを保存してください");
  }
}
