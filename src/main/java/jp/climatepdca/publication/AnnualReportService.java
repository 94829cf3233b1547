package jp.climatepdca.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.climatepdca.publication.PublishedReport.VersionInfo;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual report versions: a draft frozen by the secretariat, approved by headquarters, published by the
 * secretariat. At most one unpublished version per year at a time; a published version never changes.
 */
@Service
@Transactional(readOnly = true)
public class AnnualReportService {

  private final AnnualReportRepository reports;
  private final ReportSnapshot snapshot;
  private final ObjectMapper json;
  private final ReportFileStore files;
  private final PriorOpinions prior;

  AnnualReportService(AnnualReportRepository reports, ReportSnapshot snapshot, ObjectMapper json,
      ReportFileStore files, PriorOpinions prior) {
    this.reports = reports;
    this.snapshot = snapshot;
    this.json = json;
    this.files = files;
    this.prior = prior;
  }

  /** Freezes the data as it is now into the open draft of the year, or a new version after the last one. */
  @Transactional
  int prepare(ReportRequest request, Map<Long, String> responses, String user) {
    return prepare(request, responses, Map.of(), user);
  }

  /**
   * As {@link #prepare(ReportRequest, Map, String)}, keeping first the responses to last year's opinions heard
   * after publishing ({@link PriorOpinions}, by opinion id), which the snapshot then lists.
   */
  @Transactional
  int prepare(ReportRequest request, Map<Long, String> responses, Map<Long, String> priorResponses, String user) {
    var all = reports.findByMunicipalityCodeAndFiscalYearOrderByVersionDesc(request.municipality(),
        request.fiscalYear());
    var draft = all.stream().filter(r -> r.status() != ReportStatus.PUBLISHED).findFirst()
        .orElseGet(() -> new AnnualReport(request.municipality(), request.fiscalYear(),
            all.isEmpty() ? 1 : all.get(0).version() + 1));
    var now = Instant.now();
    prior.save(request.municipality(), request.fiscalYear(), priorResponses, user, now);
    var content = snapshot.take(request, draft.version(), responses, now);
    draft.prepare(request.summary(), request.changeNote(), write(content), user, now);
    reports.save(draft);
    return draft.version();
  }

  /** The version now on its way (prepared, not yet published). */
  Optional<ReportContent> openDraft(String municipality, int fiscalYear) {
    return open(municipality, fiscalYear).map(r -> read(r.content()));
  }

  /** The newest published version's content: a correction starts from it. */
  Optional<ReportContent> latestPublishedContent(String municipality, int fiscalYear) {
    return reports.findByMunicipalityCodeAndFiscalYearAndStatusOrderByVersionDesc(municipality, fiscalYear,
        ReportStatus.PUBLISHED).stream().findFirst().map(r -> read(r.content()));
  }

  public boolean isPublished(String municipality, int fiscalYear) {
    return !reports.findByMunicipalityCodeAndFiscalYearAndStatusOrderByVersionDesc(municipality, fiscalYear,
        ReportStatus.PUBLISHED).isEmpty();
  }

  @Transactional
  void approve(String municipality, int fiscalYear, String user) {
    openOrFail(municipality, fiscalYear).approve(user, Instant.now());
  }

  @Transactional
  void returnToDraft(String municipality, int fiscalYear) {
    openOrFail(municipality, fiscalYear).returnToDraft();
  }

  /**
   * Publishes the approved draft and renders its files (PDF, CSV) in the same transaction: the version
   * becomes public together with its files, and no anonymous request ever renders them (a failing render
   * fails the publication, which the secretariat sees, rather than every later download).
   */
  @Transactional
  int publish(String municipality, int fiscalYear, String user) {
    var report = openOrFail(municipality, fiscalYear);
    report.publish(user, Instant.now());
    storeFiles(report);
    return report.version();
  }

  /**
   * Renders the files of a published version that has none yet (published before they were stored), under
   * the version's row lock: of two nodes asking at once, the second waits and finds them stored.
   */
  @Transactional
  void storeMissingFiles(long reportId) {
    reports.lockWithStatus(reportId, ReportStatus.PUBLISHED).ifPresent(this::storeFiles);
  }

  private void storeFiles(AnnualReport report) {
    // the query flushes the publication first, so the new version is among the published ones
    var published = reports.findByMunicipalityCodeAndFiscalYearAndStatusOrderByVersionDesc(report.municipalityCode(),
        report.fiscalYear(), ReportStatus.PUBLISHED);
    files.storeMissing(report.id(), view(report, published));
  }

  /** Every version of the year, newest first, for the municipality's own staff (drafts included). */
  public List<VersionRecord> versions(String municipality, int fiscalYear) {
    return reports.findByMunicipalityCodeAndFiscalYearOrderByVersionDesc(municipality, fiscalYear).stream()
        .map(AnnualReport::record).toList();
  }

  /**
   * The version on its way (prepared or approved, not yet published) as its public page will show it once
   * published: the newest of the year, with the versions published before it. Empty when none is on its way.
   * Only for those who may see the draft (the controller checks); never cached publicly.
   */
  Optional<PublishedReport> draft(String municipality, int fiscalYear) {
    return open(municipality, fiscalYear).map(draft -> {
      var infos = new java.util.ArrayList<VersionInfo>();
      infos.add(new VersionInfo(draft.version(), null, draft.changeNote()));
      reports.findByMunicipalityCodeAndFiscalYearAndStatusOrderByVersionDesc(municipality, fiscalYear,
          ReportStatus.PUBLISHED).forEach(r -> infos.add(new VersionInfo(r.version(), r.publishedAt(), r.changeNote())));
      return new PublishedReport(read(draft.content()), draft.version(), null, true, List.copyOf(infos));
    });
  }

  // ---- what the public may see: published versions only

  List<String> municipalitiesWithPublishedReports() {
    return reports.municipalitiesWith(List.of(ReportStatus.PUBLISHED)).stream().sorted().toList();
  }

  /** The newest published version of every published year, oldest year first. */
  List<PublishedReport> publishedYears(String municipality) {
    var byYear = new java.util.LinkedHashMap<Integer, AnnualReport>();
    reports.findByMunicipalityCodeAndStatusOrderByFiscalYearAscVersionDesc(municipality, ReportStatus.PUBLISHED)
        .forEach(r -> byYear.putIfAbsent(r.fiscalYear(), r));
    return byYear.values().stream().map(r -> published(municipality, r.fiscalYear(), r.version()).orElseThrow())
        .toList();
  }

  Optional<PublishedReport> published(String municipality, int fiscalYear) {
    var versions = reports.findByMunicipalityCodeAndFiscalYearAndStatusOrderByVersionDesc(municipality, fiscalYear,
        ReportStatus.PUBLISHED);
    return versions.isEmpty() ? Optional.empty() : Optional.of(view(versions.get(0), versions));
  }

  Optional<PublishedReport> published(String municipality, int fiscalYear, int version) {
    return reports.findByMunicipalityCodeAndFiscalYearAndVersionAndStatus(municipality, fiscalYear, version,
        ReportStatus.PUBLISHED).map(r -> view(r, reports.findByMunicipalityCodeAndFiscalYearAndStatusOrderByVersionDesc(
            municipality, fiscalYear, ReportStatus.PUBLISHED)));
  }

  private PublishedReport view(AnnualReport report, List<AnnualReport> publishedVersions) {
    var infos = publishedVersions.stream()
        .map(r -> new VersionInfo(r.version(), r.publishedAt(), r.changeNote())).toList();
    return new PublishedReport(read(report.content()), report.version(), report.publishedAt(),
        report.version() == publishedVersions.get(0).version(), infos);
  }

  private Optional<AnnualReport> open(String municipality, int fiscalYear) {
    return reports.findByMunicipalityCodeAndFiscalYearOrderByVersionDesc(municipality, fiscalYear).stream()
        .filter(r -> r.status() != ReportStatus.PUBLISHED).findFirst();
  }

  private AnnualReport openOrFail(String municipality, int fiscalYear) {
    return open(municipality, fiscalYear).orElseThrow(() -> new IllegalStateException(
        "no annual report in preparation for " + municipality + ":" + fiscalYear));
  }

  private String write(ReportContent content) {
    try {
      return json.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report snapshot", e);
    }
  }

  private ReportContent read(String content) {
    try {
      return json.readValue(content, ReportContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a report snapshot", e);
    }
  }

  public record VersionRecord(int version, String status, String summary, String changeNote, String preparedBy,
      Instant preparedAt, String approvedBy, Instant approvedAt, String publishedBy, Instant publishedAt) {}
}
