package jp.climatepdca.area;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AreaIndicatorRepository extends JpaRepository<AreaIndicator, Long> {

  List<AreaIndicator> findByAreaCodeOrderByPosition(String areaCode);
}
