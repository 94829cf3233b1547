-- The files of a published annual report version (PDF, CSV), rendered once and kept with the version,
-- so the public downloads serve stored bytes instead of rendering on every anonymous request (the PDF
-- takes hundreds of milliseconds). Portable SQL: runs on H2 (tests, demo) and PostgreSQL (prod).
-- A row exists only for a PUBLISHED annual_report, which never changes, so a row is never updated.
-- Versions published before this table are rendered on their first request; the primary key keeps one
-- row per version and kind however many nodes ask at once.
create table annual_report_file (
  report_id    bigint       not null references annual_report (id),
  kind         varchar(20)  not null,
  content_type varchar(100) not null,
  byte_size    integer      not null,
  -- hex SHA-256 of content: the strong ETag, known without reading content
  sha256       char(64)     not null,
  content      bytea        not null,
  rendered_at  timestamp    not null,
  constraint pk_annual_report_file primary key (report_id, kind)
);
