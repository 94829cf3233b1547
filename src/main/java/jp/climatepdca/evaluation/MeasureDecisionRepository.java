package jp.climatepdca.evaluation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeasureDecisionRepository extends JpaRepository<MeasureDecision, Long> {

  List<MeasureDecision> findByMunicipalityCodeAndFiscalYearOrderByMeasureCode(String municipalityCode,
      int fiscalYear);

  List<MeasureDecision> findByMunicipalityCodeAndMeasureCodeOrderByFiscalYear(String municipalityCode,
      String measureCode);

  boolean existsByMunicipalityCodeAndFiscalYear(String municipalityCode, int fiscalYear);
}
