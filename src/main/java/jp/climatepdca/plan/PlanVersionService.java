package jp.climatepdca.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import jp.climatepdca.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's versions (docs/plan-versions.md): listed, compared, and created. The plan file import creates
 * them; {@link #createVersion} is the same for a process that produces a revised plan (a mid-term review).
 */
@Service
@Transactional(readOnly = true)
public class PlanVersionService {

  private final PlanVersionRepository versions;
  private final PlanDefinitions definitions;
  private final PlanImportService importer;
  private final PlanVersionDiffer differ;
  private final MunicipalityRepository municipalities;

  PlanVersionService(PlanVersionRepository versions, PlanDefinitions definitions, PlanImportService importer,
      MunicipalityRepository municipalities, ObjectMapper json) {
    this.versions = versions;
    this.definitions = definitions;
    this.importer = importer;
    this.municipalities = municipalities;
    this.differ = new PlanVersionDiffer(json);
  }

  /**
   * Records {@code planDocument} (a plan file, docs/plan-file-format.md) as the municipality's next version
   * and applies it, or refuses it as a whole: 400 for an invalid document, 409 when it would change a closed
   * year or retire a measure under an open task. The document must name {@code municipality}. Returns the
   * version the document is (an existing one when the same document was loaded before).
   */
  @Transactional
  public PlanVersionView createVersion(String municipality, InputStream planDocument, String user) {
    var result = importer.importPlan(planDocument, municipality::equals, user);
    return version(municipality, result.version());
  }

  /**
   * Checks {@code planDocument} as {@link #createVersion} would and writes nothing: 400 for an invalid
   * document, 409 for one that would change a closed year or retire a measure under an open task.
   */
  public void checkVersion(String municipality, InputStream planDocument) {
    importer.check(planDocument, municipality::equals);
  }

  /** The version in force in {@code planYear} (docs/plan-versions.md); empty before any version was loaded. */
  public Optional<PlanVersionView> versionInForce(String municipality, int planYear) {
    return PlanDefinitions.versionInForce(versions.keys(municipality), planYear)
        .map(key -> version(municipality, key.number()));
  }

  /** The newest version's plan file as loaded (normalized JSON), the starting point of a revision. */
  public Optional<String> latestDocument(String municipality) {
    var all = versions.keys(municipality);
    return all.isEmpty() ? Optional.empty() : Optional.of(versions.document(all.get(all.size() - 1).id()));
  }

  public List<PlanVersionView> versions(String municipality) {
    requireMunicipality(municipality);
    return versions.findByMunicipalityCodeOrderByNumber(municipality).stream().map(PlanVersion::view).toList();
  }

  public PlanVersionView version(String municipality, int number) {
    return find(municipality, number).view();
  }

  public PlanVersionDiff diff(String municipality, int from, int to) {
    var a = find(municipality, from);
    var b = find(municipality, to);
    var all = versions.keys(municipality);
    var before = definitions.definitions(all, from);
    var after = definitions.definitions(all, to);
    return new PlanVersionDiff(municipality, a.view(), b.view(), differ.targets(before, after),
        differ.measures(before, after), differ.indicators(before, after));
  }

  /**
   * What {@code draft} (a plan file not yet loaded, already checked) would define differently from the newest
   * version if it were loaded now: the revision's diff for those who review it before it becomes a version
   * ({@code to} is null). Entries the draft leaves out stay as they were, as loading keeps them.
   */
  public PlanVersionDiff diffDraft(String municipality, String draft) {
    requireMunicipality(municipality);
    var all = versions.keys(municipality);
    if (all.isEmpty()) {
      throw new NotFoundException("自治体 " + municipality + " の計画はまだ読み込まれていません");
    }
    var newest = all.get(all.size() - 1).number();
    var before = definitions.definitions(all, newest);
    var after = PlanDefinitions.carryOver(definitions.read(draft), before);
    return new PlanVersionDiff(municipality, version(municipality, newest), null, differ.targets(before, after),
        differ.measures(before, after), differ.indicators(before, after));
  }

  private PlanVersion find(String municipality, int number) {
    requireMunicipality(municipality);
    return versions.findByMunicipalityCodeAndNumber(municipality, number)
        .orElseThrow(() -> new NotFoundException("計画の第" + number + "版（" + municipality + "）はありません"));
  }

  private void requireMunicipality(String municipality) {
    if (!municipalities.existsById(municipality)) {
      throw new NotFoundException("自治体コード \"" + municipality + "\" は登録されていません");
    }
  }
}
