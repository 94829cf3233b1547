package jp.climatepdca.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanVersionRepository extends JpaRepository<PlanVersion, Long> {

  List<PlanVersion> findByMunicipalityCodeOrderByNumber(String municipalityCode);

  Optional<PlanVersion> findByMunicipalityCodeAndNumber(String municipalityCode, int number);
}
