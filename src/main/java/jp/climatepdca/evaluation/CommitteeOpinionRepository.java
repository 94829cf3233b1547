package jp.climatepdca.evaluation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommitteeOpinionRepository extends JpaRepository<CommitteeOpinion, Long> {

  List<CommitteeOpinion> findByMunicipalityCodeAndFiscalYearOrderById(String municipalityCode, int fiscalYear);

  boolean existsByTaskId(String taskId);
}
