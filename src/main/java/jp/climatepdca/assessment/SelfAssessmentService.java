package jp.climatepdca.assessment;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Self-assessments of a fiscal year: written by departments, read by every reviewer. */
@Service
@Transactional(readOnly = true)
public class SelfAssessmentService {

  private final SelfAssessmentRepository assessments;

  SelfAssessmentService(SelfAssessmentRepository assessments) {
    this.assessments = assessments;
  }

  /** Writes a department's answers; a revision after a return overwrites the same rows. */
  @Transactional
  public void save(String municipality, int fiscalYear, String departmentCode, List<AssessmentInput> inputs,
      String user) {
    var existing = assessments
        .findByMunicipalityCodeAndFiscalYearAndDepartmentCodeOrderByMeasureCode(municipality, fiscalYear,
            departmentCode)
        .stream().collect(Collectors.toMap(SelfAssessment::measureCode, Function.identity()));
    var now = Instant.now();
    for (var input : inputs) {
      var row = existing.computeIfAbsent(input.measureCode(),
          code -> new SelfAssessment(municipality, fiscalYear, departmentCode, code));
      row.revise(input, user, now);
      assessments.save(row);
    }
  }

  public List<AssessmentView> department(String municipality, int fiscalYear, String departmentCode) {
    return assessments.findByMunicipalityCodeAndFiscalYearAndDepartmentCodeOrderByMeasureCode(municipality,
        fiscalYear, departmentCode).stream().map(SelfAssessment::view).toList();
  }

  public List<AssessmentView> all(String municipality, int fiscalYear) {
    return assessments.findByMunicipalityCodeAndFiscalYearOrderByMeasureCode(municipality, fiscalYear).stream()
        .map(SelfAssessment::view).toList();
  }
}
