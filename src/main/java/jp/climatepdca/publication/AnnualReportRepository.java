package jp.climatepdca.publication;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AnnualReportRepository extends JpaRepository<AnnualReport, Long> {

  List<AnnualReport> findByMunicipalityCodeAndFiscalYearOrderByVersionDesc(String municipalityCode, int fiscalYear);

  Optional<AnnualReport> findByMunicipalityCodeAndFiscalYearAndVersionAndStatus(String municipalityCode,
      int fiscalYear, int version, ReportStatus status);

  List<AnnualReport> findByMunicipalityCodeAndFiscalYearAndStatusOrderByVersionDesc(String municipalityCode,
      int fiscalYear, ReportStatus status);

  List<AnnualReport> findByMunicipalityCodeAndStatusOrderByFiscalYearAscVersionDesc(String municipalityCode,
      ReportStatus status);

  @Query("select distinct r.municipalityCode from AnnualReport r where r.status in :statuses")
  List<String> municipalitiesWith(Collection<ReportStatus> statuses);
}
