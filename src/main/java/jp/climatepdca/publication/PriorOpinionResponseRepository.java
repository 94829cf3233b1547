package jp.climatepdca.publication;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PriorOpinionResponseRepository extends JpaRepository<PriorOpinionResponse, Long> {

  List<PriorOpinionResponse> findByMunicipalityCodeAndFiscalYear(String municipalityCode, int fiscalYear);
}
