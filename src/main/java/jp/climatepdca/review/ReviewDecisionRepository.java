package jp.climatepdca.review;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReviewDecisionRepository extends JpaRepository<ReviewDecision, Long> {

  boolean existsByTaskId(String taskId);

  List<ReviewDecision> findByMunicipalityCodeAndFiscalYearOrderById(String municipalityCode, int fiscalYear);

  List<ReviewDecision> findByMunicipalityCodeAndFiscalYearAndLevelInOrderByIdDesc(String municipalityCode,
      int fiscalYear, Collection<ReviewLevel> levels);

  @Query("select distinct d.fiscalYear from ReviewDecision d where d.municipalityCode = :municipality"
      + " and d.level = :level and d.outcome = :outcome order by d.fiscalYear")
  List<Integer> fiscalYearsWith(String municipality, ReviewLevel level, ReviewOutcome outcome);
}
