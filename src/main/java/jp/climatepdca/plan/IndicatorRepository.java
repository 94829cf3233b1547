package jp.climatepdca.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IndicatorRepository extends JpaRepository<Indicator, Long> {

  List<Indicator> findByMunicipalityCodeOrderByCode(String municipalityCode);

  List<Indicator> findByMunicipalityCodeAndDepartmentCodeOrderByCode(String municipalityCode, String departmentCode);

  Optional<Indicator> findByMunicipalityCodeAndCode(String municipalityCode, String code);
}
