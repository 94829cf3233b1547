-- Indicators as the plans write them (issue #19): a kind besides the base→target path (維持, 以上, 以下,
-- 前年度比減少, stages of a key project), several target years, no base value where the kind needs none,
-- a maximum age of the newest actual, and the GHG indicator filled from the calculated inventory.
-- Absolute emission targets (t-CO2) beside reduction percentages. Portable SQL (H2 and PostgreSQL).

alter table indicator add column kind varchar(30) default 'PATH' not null;
alter table indicator add column max_data_age_years integer;
-- TYPED: entered by a department or the secretariat; INVENTORY: the current accepted emissions inventory's total
alter table indicator add column value_source varchar(20) default 'TYPED' not null;
alter table indicator alter column base_value drop not null;
alter table indicator alter column target_year drop not null;
alter table indicator alter column target_value drop not null;

-- Every target of an indicator (an interim 2025 and 2030, a stage planned for each year); the indicator's
-- target_year/target_value keep the last one, which is what the earlier readers show.
create table indicator_target (
  indicator_id bigint         not null references indicator (id),
  target_year  integer        not null,
  target_value numeric(20, 6) not null,
  constraint pk_indicator_target primary key (indicator_id, target_year)
);
insert into indicator_target (indicator_id, target_year, target_value)
  select id, target_year, target_value from indicator;

alter table emission_target add column emissions numeric(20, 6);
alter table emission_target alter column reduction_percent drop not null;
