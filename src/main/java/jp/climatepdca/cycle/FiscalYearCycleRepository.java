package jp.climatepdca.cycle;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FiscalYearCycleRepository extends JpaRepository<FiscalYearCycle, Long> {

  boolean existsByMunicipalityCodeAndFiscalYear(String municipalityCode, int fiscalYear);

  Optional<FiscalYearCycle> findByMunicipalityCodeAndFiscalYear(String municipalityCode, int fiscalYear);

  Optional<FiscalYearCycle> findByProcessInstanceId(String processInstanceId);
}
