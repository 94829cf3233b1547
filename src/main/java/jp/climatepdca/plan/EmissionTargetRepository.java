package jp.climatepdca.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EmissionTargetRepository extends JpaRepository<EmissionTarget, Long> {

  List<EmissionTarget> findByMunicipalityCodeOrderByTargetYear(String municipalityCode);

  @Modifying
  @Query("delete from EmissionTarget t where t.municipalityCode = ?1")
  void deleteByMunicipality(String municipalityCode);
}
