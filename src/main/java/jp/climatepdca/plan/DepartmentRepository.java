package jp.climatepdca.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, Long> {

  List<Department> findByMunicipalityCodeOrderById(String municipalityCode);

  Optional<Department> findByMunicipalityCodeAndCode(String municipalityCode, String code);
}
