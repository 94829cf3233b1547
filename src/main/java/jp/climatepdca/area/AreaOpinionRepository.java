package jp.climatepdca.area;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AreaOpinionRepository extends JpaRepository<AreaOpinion, Long> {

  List<AreaOpinion> findByAreaCodeAndFiscalYearOrderByPosition(String areaCode, int fiscalYear);

  void deleteByAreaCodeAndFiscalYear(String areaCode, int fiscalYear);
}
