package jp.climatepdca.review;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewDecisionRepository extends JpaRepository<ReviewDecision, Long> {

  boolean existsByTaskId(String taskId);

  List<ReviewDecision> findByMunicipalityCodeAndFiscalYearOrderById(String municipalityCode, int fiscalYear);

  List<ReviewDecision> findByMunicipalityCodeAndFiscalYearAndLevelInOrderByIdDesc(String municipalityCode,
      int fiscalYear, Collection<ReviewLevel> levels);
}
