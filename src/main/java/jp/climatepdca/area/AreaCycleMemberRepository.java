package jp.climatepdca.area;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AreaCycleMemberRepository extends JpaRepository<AreaCycleMember, Long> {

  List<AreaCycleMember> findByAreaCodeAndFiscalYearOrderByPosition(String areaCode, int fiscalYear);

  Optional<AreaCycleMember> findByAreaCodeAndFiscalYearAndMunicipalityCode(String areaCode, int fiscalYear,
      String municipalityCode);

  Optional<AreaCycleMember> findByMunicipalityCodeAndFiscalYear(String municipalityCode, int fiscalYear);
}
