package jp.climatepdca.taskfile;

/**
 * A feature that takes a file into one kind of open task. The upload endpoint has already checked that
 * the caller works on the task (logged in to Tasklist, in the task's tenant, the assignee or a member of
 * one of its candidate groups while nobody else has claimed it, the task open); the receiver checks the
 * file and stores it with what the task's form then shows, in one transaction, or refuses it whole.
 */
public interface TaskFileReceiver {

  /** The last part of the address the form names ({@code …/task-files/<name>}), kebab-case. */
  String name();

  /** Whether this receiver takes files into a task of this process and task definition. */
  boolean accepts(String processDefinitionKey, String taskDefinitionKey);

  /**
   * Checks and stores the file. Refusals: {@code UserInputException} (400, every error in Japanese),
   * {@code ConflictException} (409). Answers the Japanese sentence the form shows.
   */
  String receive(OpenTask task, UploadedFile file);

  /**
   * The file the form offers to download into the same task (a template to fill in, what was stored so far),
   * under the same address with GET; empty when the receiver offers none (404).
   */
  default java.util.Optional<DownloadedFile> download(OpenTask task) {
    return java.util.Optional.empty();
  }

  /** The task the file is for, as the engine has it (never as the client claims it). */
  record OpenTask(String id, String processInstanceId, String businessKey, String tenantId,
      String processDefinitionKey, String taskDefinitionKey, String userId) {}

  /** The file as sent: its name as the browser gave it (may be empty), its media type and its bytes. */
  record UploadedFile(String name, String contentType, byte[] content) {}

  /** A file to download: the name the browser saves it under, its media type and its bytes. */
  record DownloadedFile(String name, String contentType, byte[] content) {}
}
