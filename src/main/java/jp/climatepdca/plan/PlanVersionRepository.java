package jp.climatepdca.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlanVersionRepository extends JpaRepository<PlanVersion, Long> {

  List<PlanVersion> findByMunicipalityCodeOrderByNumber(String municipalityCode);

  Optional<PlanVersion> findByMunicipalityCodeAndNumber(String municipalityCode, int number);

  /** Every form of a cycle asks which version is in force: without the documents, which are cached. */
  @Query("select new jp.climatepdca.plan.PlanVersionKey(v.id, v.number, v.effectiveYear) from PlanVersion v"
      + " where v.municipalityCode = :municipality order by v.number")
  List<PlanVersionKey> keys(String municipality);

  @Query("select v.document from PlanVersion v where v.id = :id")
  String document(Long id);

  /** Municipalities whose plan was loaded before plan versions existed (V14) and not since. */
  @Query("select m.code from Municipality m where not exists"
      + " (select v.id from PlanVersion v where v.municipalityCode = m.code) order by m.code")
  List<String> municipalitiesWithoutVersions();
}
