package jp.climatepdca.evaluation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CycleEvaluationRepository extends JpaRepository<CycleEvaluation, Long> {

  Optional<CycleEvaluation> findByMunicipalityCodeAndFiscalYear(String municipalityCode, int fiscalYear);
}
