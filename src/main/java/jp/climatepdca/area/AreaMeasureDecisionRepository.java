package jp.climatepdca.area;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AreaMeasureDecisionRepository extends JpaRepository<AreaMeasureDecision, Long> {

  List<AreaMeasureDecision> findByAreaCodeAndFiscalYear(String areaCode, int fiscalYear);

  Optional<AreaMeasureDecision> findByAreaCodeAndFiscalYearAndMeasureCode(String areaCode, int fiscalYear,
      String measureCode);

  /** The shared measures the area's Action of an earlier year discarded (no longer in the area's plan from then). */
  List<AreaMeasureDecision> findByAreaCodeAndDecisionAndFiscalYearLessThan(String areaCode, AreaAction decision,
      int fiscalYear);
}
