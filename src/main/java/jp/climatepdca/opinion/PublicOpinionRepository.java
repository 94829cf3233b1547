package jp.climatepdca.opinion;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The opinions; the intake's queries here, the triage adds its own. */
public interface PublicOpinionRepository extends JpaRepository<PublicOpinion, Long> {

  /** How many opinions one client posted since the given time, over every town: the rate limit's count. */
  long countByClientHashAndReceivedAtAfter(String clientHash, Instant since);

  /** How many opinions a town received for a year: the next reference's number is one more. */
  long countByMunicipalityCodeAndFiscalYear(String municipalityCode, int fiscalYear);

  List<PublicOpinion> findByMunicipalityCodeAndFiscalYearOrderByIdAsc(String municipalityCode, int fiscalYear);

  // the secretariat's triage (OpinionTriageService)

  List<PublicOpinion> findByMunicipalityCodeAndFiscalYearAndStatusOrderByIdAsc(String municipalityCode,
      int fiscalYear, OpinionStatus status);

  boolean existsByMunicipalityCodeAndFiscalYearAndStatus(String municipalityCode, int fiscalYear,
      OpinionStatus status);
}
