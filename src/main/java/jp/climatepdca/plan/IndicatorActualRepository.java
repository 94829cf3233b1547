package jp.climatepdca.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IndicatorActualRepository extends JpaRepository<IndicatorActual, Long> {

  List<IndicatorActual> findByMunicipalityCodeOrderByIndicatorCodeAscValueYearAsc(String municipalityCode);

  Optional<IndicatorActual> findByMunicipalityCodeAndIndicatorCodeAndValueYear(String municipalityCode,
      String indicatorCode, int valueYear);
}
