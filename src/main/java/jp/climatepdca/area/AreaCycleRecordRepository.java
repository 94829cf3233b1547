package jp.climatepdca.area;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AreaCycleRecordRepository extends JpaRepository<AreaCycleRecord, Long> {

  Optional<AreaCycleRecord> findByAreaCodeAndFiscalYear(String areaCode, int fiscalYear);
}
