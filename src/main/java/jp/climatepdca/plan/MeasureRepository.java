package jp.climatepdca.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeasureRepository extends JpaRepository<Measure, Long> {

  List<Measure> findByMunicipalityCodeOrderByCode(String municipalityCode);

  List<Measure> findByMunicipalityCodeAndDepartmentCodeOrderByCode(String municipalityCode, String departmentCode);

  List<Measure> findByMunicipalityCodeAndStatusOrderByCode(String municipalityCode, MeasureStatus status);

  List<Measure> findByMunicipalityCodeAndDepartmentCodeAndStatusOrderByCode(String municipalityCode,
      String departmentCode, MeasureStatus status);

  Optional<Measure> findByMunicipalityCodeAndCode(String municipalityCode, String code);

  List<Measure> findByMunicipalityCodeAndCodeIn(String municipalityCode, java.util.Collection<String> codes);
}
