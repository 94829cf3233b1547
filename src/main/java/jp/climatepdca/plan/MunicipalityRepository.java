package jp.climatepdca.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MunicipalityRepository extends JpaRepository<Municipality, String> {

  List<Municipality> findAllByOrderByCode();

  List<Municipality> findByAreaCodeOrderByCode(String areaCode);
}
