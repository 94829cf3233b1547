package jp.climatepdca.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SelfAssessmentRepository extends JpaRepository<SelfAssessment, Long> {

  List<SelfAssessment> findByMunicipalityCodeAndFiscalYearOrderByMeasureCode(String municipalityCode,
      int fiscalYear);

  List<SelfAssessment> findByMunicipalityCodeAndFiscalYearAndDepartmentCodeOrderByMeasureCode(
      String municipalityCode, int fiscalYear, String departmentCode);
}
