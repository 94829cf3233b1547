package jp.climatepdca.periodevaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import jp.climatepdca.system.UserInputException;
import jp.climatepdca.taskfile.TaskFileReceiver;
import org.springframework.stereotype.Component;

/**
 * The revised plan file uploaded from the form of Task_RevisePlan (改定案の作成) in Tasklist: the same check
 * and store as {@code PUT …/period-evaluations/{fiscalYear}/draft} (RevisionDraftService), the municipality and
 * year taken from the task's process instance.
 */
@Component
class RevisionDraftUpload implements TaskFileReceiver {

  static final String NAME = "plan-revision-draft";

  private final RevisionDraftService drafts;
  private final ObjectMapper json;

  RevisionDraftUpload(RevisionDraftService drafts, ObjectMapper json) {
    this.drafts = drafts;
    this.json = json;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(String processDefinitionKey, String taskDefinitionKey) {
    return PlanPeriodEvaluationProcess.KEY.equals(processDefinitionKey)
        && PlanPeriodEvaluationProcess.TASK_REVISE_PLAN.equals(taskDefinitionKey);
  }

  @Override
  public String receive(OpenTask task, UploadedFile file) {
    var key = key(task);
    var stored = drafts.save(key[0], Integer.parseInt(key[1]), text(file));
    return summary(file.name(), stored);
  }

  /** The starting point or the draft uploaded so far, as GET …/draft gives it. */
  @Override
  public Optional<DownloadedFile> download(OpenTask task) {
    var key = key(task);
    var text = drafts.draft(key[0], Integer.parseInt(key[1]));
    return Optional.of(new DownloadedFile("plan-" + key[0] + "-revision-" + key[1] + ".json", "application/json",
        text.getBytes(StandardCharsets.UTF_8)));
  }

  /** municipality, fiscal year, "period": the business key of the task's process instance. */
  private static String[] key(OpenTask task) {
    var key = task.businessKey() == null ? new String[0] : task.businessKey().split(":", -1);
    if (key.length != 3 || !key[2].equals(PlanPeriodEvaluationProcess.BUSINESS_KEY_SUFFIX.substring(1))) {
      throw new IllegalStateException("not a plan-period evaluation: " + task.businessKey());
    }
    return key;
  }

  /** A plan file is UTF-8 JSON (a byte-order mark is allowed); anything else is named, not guessed. */
  private static String text(UploadedFile file) {
    var bytes = file.content();
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
        ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException e) {
      throw new UserInputException(PlanRevisionDraft.TITLE, List.of("ファイル「" + file.name()
          + "」は UTF-8 の計画データファイル（JSON）ではありません。計画データファイル（.json）を選んでください"));
    }
  }

  private String summary(String fileName, String stored) {
    try {
      var doc = json.readTree(stored);
      return "改定案を登録しました（" + (fileName.isBlank() ? "" : fileName + "、") + "削減目標 "
          + doc.path("emissionTargets").size() + " 件・施策 " + doc.path("measures").size() + " 件・指標 "
          + doc.path("indicators").size() + " 件、" + doc.path("plan").path("effectiveYear").asText() + "年度から適用）";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored draft", e);
    }
  }
}
