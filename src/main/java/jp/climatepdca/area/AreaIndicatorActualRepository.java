package jp.climatepdca.area;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AreaIndicatorActualRepository extends JpaRepository<AreaIndicatorActual, Long> {

  List<AreaIndicatorActual> findByAreaCodeOrderByIndicatorCodeAscValueYearAsc(String areaCode);

  Optional<AreaIndicatorActual> findByAreaCodeAndIndicatorCodeAndValueYear(String areaCode, String indicatorCode,
      int valueYear);
}
