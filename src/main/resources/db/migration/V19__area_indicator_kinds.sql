-- The area's indicators are written, stored and graded as a municipality's (docs/indicators.md, V15): a kind,
-- several targets, no base value where the kind needs none, a maximum age of the newest actual, and the
-- source of the actual values (INVENTORY: the area's compiled GHG total). Rows loaded before keep their
-- single base→target path as a PATH with one target. Portable SQL (H2 and PostgreSQL).

alter table area_indicator add column kind varchar(30) default 'PATH' not null;
alter table area_indicator add column max_data_age_years integer;
alter table area_indicator add column value_source varchar(20) default 'TYPED' not null;
alter table area_indicator alter column base_value drop not null;
alter table area_indicator alter column target_year drop not null;
alter table area_indicator alter column target_value drop not null;

-- Every target of an area indicator; area_indicator.target_year/target_value keep the last one.
create table area_indicator_target (
  area_indicator_id bigint         not null references area_indicator (id),
  target_year       integer        not null,
  target_value      numeric(20, 6) not null,
  constraint pk_area_indicator_target primary key (area_indicator_id, target_year)
);
insert into area_indicator_target (area_indicator_id, target_year, target_value)
  select id, target_year, target_value from area_indicator;
