package jp.climatepdca.taskdraft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import jp.climatepdca.engine.EveryUserTask;
import jp.climatepdca.review.DisplayNames;
import jp.climatepdca.system.JsonReadLimits;
import jp.climatepdca.system.Quoted;
import jp.climatepdca.system.UserInputException;
import jp.climatepdca.taskdraft.DraftStore.Draft;
import jp.climatepdca.taskfile.TaskFileStored;
import jp.climatepdca.taskfile.TaskOwnership;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving, reading and discarding the draft of an open task's form, each only for a person who works on the task
 * now ({@link TaskOwnership}: the engine's task read as that person, never the draft's own columns or anything
 * posted); and removing it when the task ends, in the engine's transaction ({@link EveryUserTask.Listener}).
 */
@Service
class TaskDrafts implements EveryUserTask.Listener {

  /** The largest draft, as UTF-8 bytes of its JSON: a self-assessment of 400 measures with long texts fits. */
  static final int MAX_BYTES = 256 * 1024;

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")
      .withZone(ZoneId.of("Asia/Tokyo"));

  /** What the person sees about a draft: who saved it and when, in the words the form shows. */
  record Shown(String taskId, String savedBy, String savedByName, String savedAt, String savedAtText) {}

  /** The draft of a task with the form's values. */
  record Found(Shown saved, JsonNode values) {}

  private final DraftStore store;
  private final FormFieldNames fields;
  private final TaskOwnership ownership;
  private final DisplayNames names;
  private final ObjectMapper json;

  TaskDrafts(DraftStore store, FormFieldNames fields, TaskOwnership ownership, DisplayNames names, ObjectMapper json) {
    this.store = store;
    this.fields = fields;
    this.ownership = ownership;
    this.names = names;
    this.json = json;
  }

  @Transactional(readOnly = true)
  public Optional<Found> find(String userId, String taskId) {
    ownership.owned(userId, taskId, "下書きを開く");
    return store.find(taskId).map(d -> new Found(shown(d), read(d.values())));
  }

  /**
   * Stores the form's values (a JSON object of at most {@link #MAX_BYTES}, named as the fields of the task's form)
   * as the task's draft, replacing the one before, whoever saved that. Refused whole: too large
   * ({@link DraftTooLarge}, 413), not a JSON object or a name the form does not send (400).
   */
  @Transactional
  public Shown save(String userId, String taskId, byte[] body) {
    var task = ownership.owned(userId, taskId, "下書きを保存");
    if (body.length > MAX_BYTES) {
      throw new DraftTooLarge(body.length);
    }
    var values = parse(body);
    var allowed = fields.of(task.id());
    var stray = new java.util.ArrayList<String>();
    values.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        stray.add("「" + Quoted.cut(name) + "」はこのフォームの項目ではありません");
      }
    });
    if (!stray.isEmpty()) {
      throw new UserInputException("下書きを保存できません（何も保存していません）", stray);
    }
    var draft = new Draft(task.id(), task.processInstanceId(), task.tenantId(), task.taskDefinitionKey(), userId,
        java.time.Instant.now(), write(values));
    store.save(draft);
    return shown(draft);
  }

  /** Removes the task's draft; whether there was one. */
  @Transactional
  public boolean discard(String userId, String taskId) {
    ownership.owned(userId, taskId, "下書きを破棄");
    return store.delete(taskId);
  }

  /** The task is completed or deleted: its draft goes with it, in the same transaction. */
  @Override
  public void ended(DelegateTask task) {
    store.delete(task.getId());
  }

  /** A file filled the task's form on the server: the draft typed before it would hide what the file brought. */
  @EventListener
  @Transactional
  public void fileStored(TaskFileStored stored) {
    store.delete(stored.taskId());
  }

  @Override
  public void created(DelegateTask task) {
    // nothing: a new task has no draft
  }

  private JsonNode parse(byte[] body) {
    JsonNode values;
    try {
      values = json.readTree(body);
    } catch (IOException e) {
      throw new UserInputException("下書きを保存できません: " + JsonReadLimits.unreadable(e));
    }
    if (values == null || !values.isObject()) {
      throw new UserInputException("下書きを保存できません: フォームの値を JSON オブジェクト（{ … }）で送ってください");
    }
    return values;
  }

  private String write(JsonNode values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree just read cannot be written again", e);
    }
  }

  private JsonNode read(String values) {
    try {
      return json.readTree(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("task_draft holds JSON this application did not write", e);
    }
  }

  private Shown shown(Draft draft) {
    return new Shown(draft.taskId(), draft.savedBy(), names.of(draft.savedBy()), draft.savedAt().toString(),
        SHOWN.format(draft.savedAt()));
  }

  /** A draft past {@link #MAX_BYTES}: 413 with the limit in Japanese. */
  static final class DraftTooLarge extends RuntimeException {
    DraftTooLarge(int bytes) {
      super("下書きが大きすぎます（" + (bytes + 1023) / 1024 + " KB）。" + MAX_BYTES / 1024
          + " KB 以下にしてください（何も保存していません）");
    }
  }
}
