package jp.climatepdca.taskfile;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.climatepdca.engine.WebappLogin;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.NotFoundException;
import jp.climatepdca.system.Problems;
import jp.climatepdca.taskfile.TaskFileReceiver.UploadedFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /camunda/api/climate-pdca/task-files/{receiver}/{taskId}}: a file from a Tasklist form into its
 * open task. Under the webapps' address on purpose: Tasklist's page sends its session cookie there, and
 * Camunda's own filters for that address apply (its CSRF token {@code X-XSRF-TOKEN}, besides our same-origin
 * check and the request size limit). The body is the file itself; {@code X-File-Name} its name (URL-encoded).
 * GET at the same address downloads what the receiver offers for the task.
 */
@RestController
@RequestMapping("${camunda.bpm.webapp.application-path:/camunda}/api/climate-pdca/task-files")
class TaskFileController {

  private final WebappLogin login;
  private final TaskOwnership ownership;
  private final List<TaskFileReceiver> receivers;
  private final ApplicationEventPublisher events;

  TaskFileController(WebappLogin login, TaskOwnership ownership, List<TaskFileReceiver> receivers,
      ApplicationEventPublisher events) {
    this.login = login;
    this.ownership = ownership;
    this.receivers = receivers;
    this.events = events;
  }

  @PostMapping(value = "/{receiver}/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> upload(@PathVariable String receiver, @PathVariable String taskId,
      @RequestHeader(value = "X-File-Name", required = false) String fileName,
      @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      HttpServletRequest request) throws IOException {
    var user = login.userId(request);
    if (user.isEmpty()) {
      return notLoggedIn();
    }
    var target = receiver(receiver);
    var task = ownedTask(target, user.get(), taskId);
    var content = request.getInputStream().readAllBytes();
    var name = fileName(fileName);
    var message = target.receive(task, new UploadedFile(name, contentType, content));
    events.publishEvent(new TaskFileStored(task.id()));
    return ResponseEntity.ok(Map.of("message", message));
  }

  /** What the form offers to download into the task (Content-Disposition: attachment). */
  @GetMapping("/{receiver}/{taskId}")
  ResponseEntity<?> download(@PathVariable String receiver, @PathVariable String taskId, HttpServletRequest request) {
    var user = login.userId(request);
    if (user.isEmpty()) {
      return notLoggedIn();
    }
    var target = receiver(receiver);
    var file = target.download(ownedTask(target, user.get(), taskId))
        .orElseThrow(() -> new NotFoundException("この作業にはダウンロードできるファイルがありません"));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.name(), StandardCharsets.UTF_8).build().toString())
        .body(file.content());
  }

  private TaskFileReceiver receiver(String name) {
    return receivers.stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new NotFoundException("ファイルの登録先 " + name + " はありません"));
  }

  private TaskFileReceiver.OpenTask ownedTask(TaskFileReceiver target, String user, String taskId) {
    var task = ownership.owned(user, taskId);
    if (!target.accepts(task.processDefinitionKey(), task.taskDefinitionKey())) {
      throw new ConflictException("この作業（" + task.taskDefinitionKey() + "）ではこのファイルを扱えません");
    }
    return task;
  }

  private static ResponseEntity<ProblemDetail> notLoggedIn() {
    return Problems.answer(HttpStatus.UNAUTHORIZED, "ログインが必要です",
        "Tasklist にログインしてから、作業の画面でファイルを登録してください");
  }

  /** The name is only shown back; one the browser did not encode is taken as it came. */
  private static String fileName(String header) {
    if (header == null) {
      return "";
    }
    try {
      return URLDecoder.decode(header, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return header;
    }
  }
}
