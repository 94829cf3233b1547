package jp.climatepdca.area;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import jp.climatepdca.identity.TenantDirectory;
import jp.climatepdca.system.JsonReadLimits;
import jp.climatepdca.system.Quoted;
import jp.climatepdca.system.UserInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads an area file (docs/area.md, docs/plan-file-format.md). Who may load it is decided first, from the
 * file's lead (and the stored area's lead, so a member cannot take over an area); then the whole file is
 * checked, every problem listed at once; then it is written in one transaction with the area's Camunda
 * tenant and groups, so a refused file leaves nothing behind.
 */
@Service
public class AreaImportService {

  private static final String TITLE = "圏域計画ファイルを読み込めません";

  private final ObjectMapper mapper;
  private final AreaRepository areas;
  private final AreaWriter writer;
  private final AreaLoadedFacts facts;
  private final TenantDirectory tenants;

  AreaImportService(ObjectMapper mapper, AreaRepository areas, AreaWriter writer, AreaLoadedFacts facts,
      TenantDirectory tenants) {
    this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.areas = areas;
    this.writer = writer;
    this.facts = facts;
    this.tenants = tenants;
  }

  /**
   * Loads an area file as a whole or not at all. {@code mayLoad} answers whether the caller manages a
   * municipality (its secretariat, or an administrator): it is asked of the file's lead and, when the area
   * exists, of its stored lead, before the file is checked against anything loaded.
   */
  @Transactional
  public AreaImportResult importArea(InputStream json, Predicate<String> mayLoad, String loadedBy) {
    var doc = parse(json);
    var head = doc.area();
    var lead = head == null || head.lead() == null ? "" : head.lead();
    if (!mayLoad.test(lead)) {
      throw new AccessDeniedException("圏域計画を読み込めるのは代表自治体（area.lead）の事務局と管理者です");
    }
    var stored = head == null || head.code() == null ? null : areas.findById(head.code()).orElse(null);
    if (stored != null && !mayLoad.test(stored.lead())) {
      throw new AccessDeniedException("圏域 \"" + stored.code() + "\" を読み込み直せるのは、登録済みの代表自治体の事務局と管理者です");
    }
    var errors = AreaFileValidator.validate(doc, facts, mayLoad);
    if (!errors.isEmpty()) {
      throw new UserInputException(TITLE, errors);
    }
    var view = writer.write(doc, loadedBy, Instant.now());
    tenants.ensure(view.code(), view.name(), AreaGroups.of(view));
    return new AreaImportResult(view.code(), view.name(), view.members().size(), doc.measureList().size(),
        doc.indicatorList().size());
  }

  private AreaDocument parse(InputStream json) {
    try {
      var doc = mapper.readValue(json, AreaDocument.class);
      if (doc == null) {
        throw new UserInputException(TITLE, List.of("ファイルが空です"));
      }
      return doc;
    } catch (UnrecognizedPropertyException e) {
      throw new UserInputException(TITLE, List.of(location(e) + "項目 \"" + Quoted.cut(e.getPropertyName()) + "\" は定義されていません"));
    } catch (MismatchedInputException e) {
      throw new UserInputException(TITLE, List.of(location(e) + place(e)
          + "値の型が正しくありません（数値の項目に文字を書いていないか確認してください）"));
    } catch (JsonProcessingException e) {
      throw new UserInputException(TITLE, List.of(location(e) + JsonReadLimits.describe(e)
          .orElse("JSON として読めません（" + e.getOriginalMessage() + "）")));
    } catch (IOException e) {
      throw new UserInputException(TITLE, List.of("ファイルを読めません（" + e.getMessage() + "）"));
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : e.getLocation().getLineNr() + "行目 " + e.getLocation().getColumnNr() + "列目: ";
  }

  /** {@code measures の 3 件目 の baseValue: }, as the validator names places (one-based). */
  private static String place(MismatchedInputException e) {
    var out = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : " の ").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append(" の ").append(ref.getIndex() + 1).append(" 件目");
      }
    }
    return out.isEmpty() ? "" : out + ": ";
  }

  /** What an import did, for the API's answer and the start-up log. */
  public record AreaImportResult(String area, String name, int members, int measures, int indicators) {}
}
