-- The area's Action applied to its members' own measures (docs/area-cycle.md, "The area's Action and the
-- members' next plan"). A member's Action decision on a measure that carries a shared measure is the area's:
-- area_code names the area whose decision it is (null: the member's own). When the member's Action step had
-- already run before the area decided (a late member that went on alone), the area's decision replaces the
-- member's row when the area sends its decisions; what the member had decided is kept beside it.
alter table measure_decision add column area_code varchar(20);
alter table measure_decision add column replaced_decision varchar(20);
alter table measure_decision add column replaced_note varchar(4000);
alter table measure_decision add column replaced_by varchar(64);
