package jp.climatepdca.area;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AreaMemberRepository extends JpaRepository<AreaMember, Long> {

  List<AreaMember> findByAreaCodeOrderByPosition(String areaCode);

  List<AreaMember> findByMunicipalityCode(String municipalityCode);

  @Modifying
  @Query("delete from AreaMember m where m.areaCode = ?1")
  void deleteByArea(String areaCode);
}
