-- The secretariat's response (対応方針) to a committee opinion heard after the annual report it was given on
-- was published (plan governance order REPORT_AFTER_PUBLISHING, seed 004 川崎市): fiscal year N's secretariat
-- answers the opinions on N − 1's report while it prepares N's report, which lists them (publication.PriorOpinions).
-- One response per opinion; a returned or corrected draft of the same year rewrites it. fiscal_year is the
-- year whose report answers, the opinion's own year is committee_opinion.fiscal_year.
create table prior_opinion_response (
  opinion_id        bigint        not null primary key references committee_opinion (id),
  municipality_code varchar(20)   not null,
  fiscal_year       integer       not null,
  response          varchar(4000) not null,
  written_by        varchar(64)   not null,
  written_at        timestamp     not null
);
create index ix_prior_opinion_response_year on prior_opinion_response (municipality_code, fiscal_year);
