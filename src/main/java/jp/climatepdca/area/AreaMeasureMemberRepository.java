package jp.climatepdca.area;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AreaMeasureMemberRepository extends JpaRepository<AreaMeasureMember, Long> {

  List<AreaMeasureMember> findByAreaCodeOrderByPosition(String areaCode);

  @Modifying
  @Query("delete from AreaMeasureMember m where m.areaCode = ?1")
  void deleteByArea(String areaCode);
}
