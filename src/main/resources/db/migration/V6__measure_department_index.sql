-- Every department task (entry, head and secretariat review) reads its department's measures; without
-- this index each read scans the whole plan (a large city has hundreds of measures per municipality).
create index ix_measure_department on measure (municipality_code, department_code);
