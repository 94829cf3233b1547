package jp.climatepdca.emission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import jp.climatepdca.emission.ActivityImportService.UploadSummary;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.FiscalYear;
import jp.climatepdca.system.MunicipalityPermission;
import jp.climatepdca.system.UserInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class EmissionController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final InventoryReportService reports;
  private final ActivityImportService importer;
  private final EmissionCalculator calculator;
  private final EmissionFactorService factors;
  private final LocalFactorService localFactors;
  private final PlanService plan;
  private final MunicipalityPermission permission;

  EmissionController(InventoryReportService reports, ActivityImportService importer, EmissionCalculator calculator,
      EmissionFactorService factors, LocalFactorService localFactors, PlanService plan,
      MunicipalityPermission permission) {
    this.reports = reports;
    this.importer = importer;
    this.calculator = calculator;
    this.factors = factors;
    this.localFactors = localFactors;
    this.plan = plan;
    this.permission = permission;
  }

  /** Anyone of the municipality may read its inventory; the figures are published anyway. */
  @GetMapping("/emissions/{municipality}/{inventoryYear}")
  @PreAuthorize("@roles.belongsTo(authentication, #municipality)")
  InventoryReport inventory(@PathVariable String municipality, @PathVariable @FiscalYear int inventoryYear) {
    return reports.report(municipality, inventoryYear);
  }

  @GetMapping("/emission-factors")
  List<FactorView> catalogue() {
    return factors.catalogue();
  }

  /** The catalogue serves every municipality, so only an administrator adds to it or corrects it. */
  @PostMapping("/emission-factors")
  @PreAuthorize("@roles.isAdmin(authentication)")
  ResponseEntity<FactorView> addFactor(@RequestBody FactorView factor) {
    return ResponseEntity.status(201).body(factors.add(factor));
  }

  /** Corrects a yearly factor; a locked (statutory) one answers 409. */
  @PutMapping("/emission-factors/{code}/{gas}/{validFrom}")
  @PreAuthorize("@roles.isAdmin(authentication)")
  FactorView changeFactor(@PathVariable String code, @PathVariable Gas gas, @PathVariable @FiscalYear int validFrom,
      @RequestBody @jakarta.validation.Valid FactorChange change) {
    return factors.change(code, gas, validFrom, change.factor(), change.source());
  }

  /** A municipality's own factors, which replace the catalogue's defaults in its calculations. */
  @GetMapping("/emission-factors/local/{municipality}")
  @PreAuthorize("@roles.belongsTo(authentication, #municipality)")
  List<LocalFactorView> localFactors(@PathVariable String municipality) {
    plan.municipality(municipality);
    return localFactors.factors(municipality);
  }

  /** The secretariat records its own figure for a non-statutory factor, with its source. */
  @PostMapping("/emission-factors/local/{municipality}")
  ResponseEntity<LocalFactorView> addLocalFactor(@PathVariable String municipality, @RequestBody LocalFactorView factor,
      Authentication auth) {
    checkManages(auth, municipality);
    return ResponseEntity.status(201).body(localFactors.add(municipality, factor, auth.getName()));
  }

  /** The body is the CSV file itself (text/csv, UTF-8); Shift_JIS is refused rather than read as garbage. */
  @PostMapping(path = "/emissions/{municipality}/{inventoryYear}/activity-data", consumes = {"text/csv", "text/plain"})
  UploadSummary upload(@PathVariable String municipality, @PathVariable @FiscalYear int inventoryYear, @RequestBody byte[] body,
      @RequestParam(required = false) String reason, Authentication auth) {
    checkManages(auth, municipality);
    return importer.importCsv(municipality, inventoryYear, ActivityImportService.utf8(body), reason, auth.getName());
  }

  /** The same data as an Excel workbook (.xlsx): the first worksheet, header row first. */
  @PostMapping(path = "/emissions/{municipality}/{inventoryYear}/activity-data", consumes = XLSX)
  UploadSummary uploadExcel(@PathVariable String municipality, @PathVariable @FiscalYear int inventoryYear,
      @RequestBody byte[] body, @RequestParam(required = false) String reason, Authentication auth) {
    checkManages(auth, municipality);
    return importer.importExcel(municipality, inventoryYear, body, reason, auth.getName());
  }

  @PostMapping("/emissions/{municipality}/{inventoryYear}/calculations")
  ResponseEntity<InventoryReport> calculate(@PathVariable String municipality, @PathVariable @FiscalYear int inventoryYear,
      @RequestBody CalculationRequest request, Authentication auth) {
    checkManages(auth, municipality);
    calculator.calculate(municipality, inventoryYear, request.reason(), auth.getName());
    return ResponseEntity.created(URI.create("/api/emissions/" + municipality + "/" + inventoryYear))
        .body(reports.report(municipality, inventoryYear));
  }

  /** 403 before 404: an unknown municipality is only named to those who could manage one. */
  private void checkManages(Authentication auth, String municipality) {
    if (!permission.managesMunicipality(auth, municipality)) {
      throw new AccessDeniedException("この自治体の排出量データを登録する権限がありません（事務局または管理者のみ）");
    }
    plan.municipality(municipality);
  }

  record CalculationRequest(String reason) {}

  /** The range and decimals of the factor are {@link EmissionFactorService#FACTOR}'s, checked by the service. */
  record FactorChange(@NotNull(message = "0以上の数値を指定してください") java.math.BigDecimal factor,
      @NotBlank(message = "出典を指定してください") @Size(max = 500, message = "{max}文字以内で入力してください") String source) {}
}
