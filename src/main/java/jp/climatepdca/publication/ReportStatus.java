package jp.climatepdca.publication;

/** A report version's way to the public: only PUBLISHED is ever shown without login. */
enum ReportStatus {
  DRAFT,
  APPROVED,
  PUBLISHED
}
