package jp.climatepdca.area;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AreaEmissionTargetRepository extends JpaRepository<AreaEmissionTarget, Long> {

  List<AreaEmissionTarget> findByAreaCodeOrderByTargetYear(String areaCode);

  @Modifying
  @Query("delete from AreaEmissionTarget t where t.areaCode = ?1")
  void deleteByArea(String areaCode);
}
