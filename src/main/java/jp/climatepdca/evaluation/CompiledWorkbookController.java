package jp.climatepdca.evaluation;

import jp.climatepdca.system.FiscalYear;
import jp.climatepdca.system.XlsxBook;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The compiled self-assessments and indicators of a fiscal year, for whoever sees the whole municipality. */
@RestController
class CompiledWorkbookController {

  private final CompiledWorkbook workbook;

  CompiledWorkbookController(CompiledWorkbook workbook) {
    this.workbook = workbook;
  }

  @GetMapping("/api/self-assessments/{municipality}/{fiscalYear}/workbook")
  @PreAuthorize("@roles.seesWholeMunicipality(authentication, #municipality)")
  ResponseEntity<byte[]> download(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear) {
    var file = workbook.write(municipality, fiscalYear);
    return XlsxBook.download(file.bytes(), file.fileName());
  }
}
