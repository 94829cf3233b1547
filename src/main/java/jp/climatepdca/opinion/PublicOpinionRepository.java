package jp.climatepdca.opinion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The opinions; the intake's queries here, the triage adds its own. */
public interface PublicOpinionRepository extends JpaRepository<PublicOpinion, Long> {

  /** How many opinions one client posted in the given time, over every town: the rate limit's count. */
  long countByClientHashAndReceivedAtBetween(String clientHash, Instant since, Instant until);

  /** How many opinions a town received for a year: the next reference's number is one more. */
  long countByMunicipalityCodeAndFiscalYear(String municipalityCode, int fiscalYear);

  /** The oldest of the client's opinions still counted: when it leaves the hour the client may post again. */
  Optional<PublicOpinion> findFirstByClientHashAndReceivedAtBetweenOrderByReceivedAtAsc(String clientHash,
      Instant since, Instant until);

  /** The same text from the same client to the same town and year (a reloaded thank-you page posts again). */
  Optional<PublicOpinion> findFirstByClientHashAndMunicipalityCodeAndFiscalYearAndBodyAndReceivedAtBetween(
      String clientHash, String municipalityCode, int fiscalYear, String body, Instant since, Instant until);

  List<PublicOpinion> findByMunicipalityCodeAndFiscalYearOrderByIdAsc(String municipalityCode, int fiscalYear);

  // the secretariat's triage (OpinionTriageService)

  List<PublicOpinion> findByMunicipalityCodeAndFiscalYearAndStatusOrderByIdAsc(String municipalityCode,
      int fiscalYear, OpinionStatus status);

  boolean existsByMunicipalityCodeAndFiscalYearAndStatus(String municipalityCode, int fiscalYear,
      OpinionStatus status);
}
