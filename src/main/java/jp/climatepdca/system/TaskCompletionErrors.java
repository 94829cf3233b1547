package jp.climatepdca.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two people offered the same task complete it at once. The engine lets one win; the other fails in one of
 * several ways depending on the timing (the task is gone: 404; a unique key or the task's revision clashed
 * at commit: 500 with SQL in the message). What they need to hear is the same each time: someone else
 * completed this task first, nothing of yours was saved. So this answers 409 with that message, in
 * Camunda's error shape ({@code type}, {@code message}) which Tasklist shows, whenever completing a task
 * failed with 403, 404 or 500 and history shows the task completed. A task id that never existed gets 404
 * and a Japanese message instead of Camunda's 500.
 *
 * <p>Claiming (担当する) races the same way when several people share a group, as a secretariat does:
 * the engine answers a claim of a task someone else has just claimed with 500
 * (TaskAlreadyClaimedException, or OptimisticLockingException when both claim at the same instant), and
 * a claim of a task someone has just completed with 500 too (NullValueException). Those become 409 with
 * a message saying who has it or that it is done; a claim of a task that never was, 404.
 *
 * <p>Why a servlet filter: the REST resource wraps every engine exception into its own RestException
 * before any JAX-RS mapper sees it, and the losing failure may come from the commit (after the engine's
 * command interceptors); only after the whole request is the outcome known. The filter touches only
 * POST /engine-rest/task/{id}/submit-form, /complete and /claim (and the same under the webapps), and changes nothing else of Camunda's set-up.
 */
@Configuration
class TaskCompletionErrors {

  /** /engine-rest, and the same API under the webapps, which Tasklist uses. */
  private static final Pattern COMPLETION = Pattern.compile(
      "^(?:/engine-rest|/[^/]+/api/engine/engine/[^/]+)/task/([^/]+)/(submit-form|complete|claim)$");
  private static final java.util.Set<String> MALFORMED = java.util.Set.of("JsonParseException",
      "JsonMappingException", "InvalidRequestException");
  /** What TaskResourceImpl writes before the reason of a refused form (its RestException message). */
  private static final Pattern ENGINE_PREFIX = Pattern.compile(
      "^Cannot (?:submit task form|complete task) [^:\\s]+: (.*)$", Pattern.DOTALL);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 H時mm分")
      .withZone(ZoneId.of("Asia/Tokyo"));

  @Bean
  FilterRegistrationBean<Filter> taskCompletionErrorFilter(HistoryService history, TaskService tasks,
      ObjectMapper mapper, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    var registration = new FilterRegistrationBean<>(new Filter(history, tasks, mapper));
    registration.setName("task-completion-errors");
    registration.addUrlPatterns("/engine-rest/task/*", webapps + "/api/engine/engine/*");
    // outside Camunda's authentication filter: the history lookup below runs after it has ended
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final HistoryService history;
    private final TaskService tasks;
    private final ObjectMapper mapper;

    Filter(HistoryService history, TaskService tasks, ObjectMapper mapper) {
      this.history = history;
      this.tasks = tasks;
      this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      var completion = COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (!"POST".equals(request.getMethod()) || !completion.matches()) {
        chain.doFilter(request, response);
        return;
      }
      var buffered = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, buffered);
      var status = buffered.getStatus();
      if (status == HttpStatus.BAD_REQUEST.value()) {
        badRequest(response, buffered);
        return;
      }
      // 403 too: the winner's commit deletes the task's authorizations, so a loser who read the task just
      // before may fail the permission check; a finished task is answered 409 whoever asks (its id is
      // random and known only to those it was offered to)
      if (status != HttpStatus.NOT_FOUND.value() && status != HttpStatus.INTERNAL_SERVER_ERROR.value()
          && status != HttpStatus.FORBIDDEN.value()) {
        buffered.copyBodyToResponse();
        return;
      }
      var taskId = completion.group(1);
      var claim = "claim".equals(completion.group(2)) && status != HttpStatus.FORBIDDEN.value();
      // the runtime first, history second: the winner's completion removes the task and finishes its
      // history in one commit, so a task gone from the first read is finished in the second. The other
      // order loses a completion that commits between the two reads (a claim lost to someone who then
      // completes at once): neither read would see the task, and the caller would get Camunda's 500
      var open = tasks.createTaskQuery().taskId(taskId).singleResult();
      var completed = open != null ? null
          : history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
      if (completed != null) {
        write(response, HttpStatus.CONFLICT, "TaskAlreadyCompleted", "このタスクは既に完了しています（"
            + TIME.format(completed.getEndTime().toInstant()) + "、他の方が先に完了しました）。"
            + "入力した内容は保存されていません。タスク一覧を更新してください");
      } else if (claim && open != null && open.getAssignee() != null) {
        // a failed claim means the holder is not the caller
        write(response, HttpStatus.CONFLICT, "TaskAlreadyClaimed", "このタスクは既に " + open.getAssignee()
            + " さんが担当しています。タスク一覧を更新してください");
      } else if (open == null && status != HttpStatus.FORBIDDEN.value()
          && history.createHistoricTaskInstanceQuery().taskId(taskId).count() == 0) {
        write(response, HttpStatus.NOT_FOUND, "TaskNotFound", "タスク \"" + taskId + "\" は見つかりません");
      } else {
        buffered.copyBodyToResponse();
      }
    }

    /** Camunda's own 400s for an unreadable body or variable are English; ours (form checks) stay as they are. */
    private void badRequest(HttpServletResponse response, ContentCachingResponseWrapper buffered) throws IOException {
      var text = new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8);
      com.fasterxml.jackson.databind.JsonNode error;
      try {
        error = mapper.readTree(text);
      } catch (IOException notJson) {
        // which mapper answers a JSON syntax error (Camunda's or Jackson's, plain text) is not fixed
        error = null;
      }
      if (error != null && error.isObject() && !MALFORMED.contains(error.path("type").asText())) {
        withoutEnginePrefix(response, buffered, (com.fasterxml.jackson.databind.node.ObjectNode) error);
        return;
      }
      var detail = error != null && error.isObject() ? error.path("message").asText() : text;
      write(response, HttpStatus.BAD_REQUEST, error != null && error.isObject() ? error.path("type").asText()
          : "InvalidRequestException", "送信内容の形式が正しくありません（JSON の書き方、または変数の型と値）。詳細: " + detail);
    }

    /**
     * Camunda's REST resource puts "Cannot submit task form &lt;id&gt;: " (or "Cannot complete task &lt;id&gt;: ")
     * before the message of every refused submission, and Tasklist shows it above the form: the staff
     * read our Japanese reason alone; type and code stay as Camunda sent them.
     */
    private void withoutEnginePrefix(HttpServletResponse response, ContentCachingResponseWrapper buffered,
        com.fasterxml.jackson.databind.node.ObjectNode error) throws IOException {
      var prefixed = ENGINE_PREFIX.matcher(error.path("message").asText());
      if (!prefixed.matches()) {
        buffered.copyBodyToResponse();
        return;
      }
      error.put("message", prefixed.group(1));
      var bytes = mapper.writeValueAsBytes(error);
      response.setContentType("application/json;charset=UTF-8");
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }

    private void write(HttpServletResponse response, HttpStatus status, String type, String message)
        throws IOException {
      var body = new LinkedHashMap<String, Object>();
      body.put("type", type);
      body.put("message", message);
      var bytes = mapper.writeValueAsBytes(body);
      response.setStatus(status.value());
      response.setContentType("application/json;charset=UTF-8");
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }
}
