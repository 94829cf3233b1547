-- Each municipality's governance as its plan file states it (issue #19, docs/governance.md): the names of
-- its review bodies, in which years they meet, whether the committee may send the result back, whether it
-- hears the result before the annual report is published or is reported to after, and the schedule of
-- the year. Portable SQL (H2, PostgreSQL).

-- The governance block of the plan file loaded last, as normalized JSON (plan.PlanGovernance); no row when
-- the file has no block (then the configuration's schedule and today's bodies apply).
create table plan_governance (
  municipality_code varchar(20)   not null primary key references municipality (code),
  document          varchar(20000) not null,
  loaded_at         timestamp     not null
);

-- The governance a cycle runs with, taken when the cycle starts: a plan revised during the year changes
-- the next year's dates and steps, never those of a cycle already running. A null document: the plan had
-- no governance block when the cycle started (today's steps; the configuration's schedule).
create table cycle_governance (
  municipality_code varchar(20)   not null,
  fiscal_year       integer       not null,
  document          varchar(20000),
  taken_at          timestamp     not null,
  primary key (municipality_code, fiscal_year)
);
