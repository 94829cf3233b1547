package jp.climatepdca.area;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AreaCycleRepository extends JpaRepository<AreaCycle, Long> {

  Optional<AreaCycle> findByAreaCodeAndFiscalYear(String areaCode, int fiscalYear);

  boolean existsByAreaCodeAndFiscalYear(String areaCode, int fiscalYear);
}
