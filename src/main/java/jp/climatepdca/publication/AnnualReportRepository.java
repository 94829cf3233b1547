package jp.climatepdca.publication;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AnnualReportRepository extends JpaRepository<AnnualReport, Long> {

  List<AnnualReport> findByMunicipalityCodeAndFiscalYearOrderByVersionDesc(String municipalityCode, int fiscalYear);

  Optional<AnnualReport> findByMunicipalityCodeAndFiscalYearAndVersionAndStatus(String municipalityCode,
      int fiscalYear, int version, ReportStatus status);

  List<AnnualReport> findByMunicipalityCodeAndFiscalYearAndStatusOrderByVersionDesc(String municipalityCode,
      int fiscalYear, ReportStatus status);

  List<AnnualReport> findByMunicipalityCodeAndStatusOrderByFiscalYearAscVersionDesc(String municipalityCode,
      ReportStatus status);

  /** The published version, locked until the transaction ends (SELECT ... FOR UPDATE). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from AnnualReport r where r.id = :id and r.status = :status")
  Optional<AnnualReport> lockWithStatus(long id, ReportStatus status);

  @Query("select distinct r.municipalityCode from AnnualReport r where r.status in :statuses")
  List<String> municipalitiesWith(Collection<ReportStatus> statuses);
}
