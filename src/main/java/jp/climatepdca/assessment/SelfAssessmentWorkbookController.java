package jp.climatepdca.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import jp.climatepdca.assessment.SelfAssessmentWorkbookService.UploadSummary;
import jp.climatepdca.system.FiscalYear;
import jp.climatepdca.system.XlsxBook;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A department's self-assessment as an .xlsx (docs/excel.md): whoever sees the department may download it;
 * only its staff, who fill the entry task, may upload into it. A person of another town is refused before
 * anything is looked up.
 */
@RestController
@RequestMapping("/api/self-assessments/{municipality}/{fiscalYear}/{department}/workbook")
class SelfAssessmentWorkbookController {

  private final SelfAssessmentWorkbookService workbooks;

  SelfAssessmentWorkbookController(SelfAssessmentWorkbookService workbooks) {
    this.workbooks = workbooks;
  }

  @GetMapping
  @PreAuthorize("@roles.seesDepartment(authentication, #municipality, #department)")
  ResponseEntity<byte[]> download(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear,
      @PathVariable String department) {
    var download = workbooks.download(municipality, fiscalYear, department);
    return XlsxBook.download(download.file(), download.fileName());
  }

  /** The file as the body (Content-Type of .xlsx), as curl sends it with --data-binary. */
  @PostMapping(consumes = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/octet-stream"})
  @PreAuthorize("@roles.entersForDepartment(authentication, #municipality, #department)")
  UploadSummary upload(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear,
      @PathVariable String department, @RequestBody byte[] file) {
    return workbooks.upload(municipality, fiscalYear, department, file);
  }

  /** The same from an HTML form or a browser's FormData (part {@code file}). */
  @PostMapping(consumes = "multipart/form-data")
  @PreAuthorize("@roles.entersForDepartment(authentication, #municipality, #department)")
  UploadSummary uploadForm(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear,
      @PathVariable String department, @RequestPart("file") MultipartFile file) {
    try {
      return workbooks.upload(municipality, fiscalYear, department, file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
