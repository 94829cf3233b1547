package jp.climatepdca.periodevaluation;

import java.net.URI;
import jp.climatepdca.identity.Roles;
import jp.climatepdca.system.FiscalYear;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Plan-period evaluations (docs/plan-period-evaluation.md): started by a secretariat or an administrator. */
@RestController
@RequestMapping("/api/plans/{municipality}/period-evaluations")
class PeriodEvaluationController {

  private final PeriodEvaluationStarter starter;
  private final PeriodEvaluationService evaluations;
  private final Roles roles;
  private final RevisionDraftService drafts;

  PeriodEvaluationController(PeriodEvaluationStarter starter, PeriodEvaluationService evaluations, Roles roles,
      RevisionDraftService drafts) {
    this.drafts = drafts;
    this.starter = starter;
    this.evaluations = evaluations;
    this.roles = roles;
  }

  /** Another town's secretariat gets 403 before anything about the body or the plan is answered. */
  @PostMapping
  ResponseEntity<StartedPeriodEvaluation> start(@PathVariable String municipality,
      @RequestBody StartRequest request, Authentication auth) {
    if (!roles.canManagePlans(auth)) {
      throw new AccessDeniedException("計画期間の評価を開始できるのは事務局または管理者だけです");
    }
    if (!roles.managesMunicipality(auth, municipality)) {
      throw new AccessDeniedException("この自治体の計画期間の評価を開始する権限がありません");
    }
    var started = starter.start(municipality, request.fiscalYear(), request.kind(), auth.getName());
    var location = URI.create("/api/plans/" + started.municipality() + "/period-evaluations/" + started.fiscalYear());
    return ResponseEntity.created(location).body(started);
  }

  @GetMapping("/{fiscalYear}")
  PeriodEvaluationView get(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear,
      Authentication auth) {
    if (!roles.seesWholeMunicipality(auth, municipality)) {
      throw new AccessDeniedException("この自治体の計画期間の評価を参照する権限がありません");
    }
    return evaluations.view(municipality, fiscalYear);
  }

  /** The revised plan file: what was uploaded, or the starting point to edit. */
  @GetMapping(value = "/{fiscalYear}/draft", produces = "application/json")
  String draft(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear, Authentication auth) {
    requireSecretariat(auth, municipality);
    return drafts.draft(municipality, fiscalYear);
  }

  /** Uploads the revised plan file (a plan file, docs/plan-file-format.md) while the revision is drafted. */
  @PutMapping(value = "/{fiscalYear}/draft", consumes = "application/json", produces = "application/json")
  String saveDraft(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear,
      @RequestBody String planDocument, Authentication auth) {
    requireSecretariat(auth, municipality);
    return drafts.save(municipality, fiscalYear, planDocument);
  }

  private void requireSecretariat(Authentication auth, String municipality) {
    if (!roles.managesMunicipality(auth, municipality)) {
      throw new AccessDeniedException("改定案を扱えるのはこの自治体の事務局または管理者だけです");
    }
  }

  record StartRequest(Integer fiscalYear, String kind) {}
}
