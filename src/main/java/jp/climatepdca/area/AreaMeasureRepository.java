package jp.climatepdca.area;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AreaMeasureRepository extends JpaRepository<AreaMeasure, Long> {

  List<AreaMeasure> findByAreaCodeOrderByPosition(String areaCode);
}
