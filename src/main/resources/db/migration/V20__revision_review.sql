-- The committee's review of a plan revision's draft (改定案の審議, docs/plan-period-evaluation.md): its
-- opinions on the draft, shown to headquarters when it approves. The latest review's; earlier reviews of a
-- draft that went back stay in the task history. Portable SQL (H2 and PostgreSQL).
alter table plan_period_evaluation add column revision_opinions varchar(8000);
