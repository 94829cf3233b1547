package jp.climatepdca.emission;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LocalFactorRepository extends JpaRepository<LocalFactor, Long> {

  List<LocalFactor> findByMunicipalityCodeOrderByCodeAscGasAscValidFromAsc(String municipalityCode);

  List<LocalFactor> findByMunicipalityCodeAndCodeAndGas(String municipalityCode, String code, Gas gas);
}
