-- Drafts of Tasklist forms (taskdraft/, docs/tasklist.md "Drafts on the server"): what a person has typed into
-- an open task's form and saved without completing, so that it survives a change of browser or PC and a
-- colleague of the same group who takes the task over sees it. One draft per task (the task is the
-- department's work, not one person's); the row goes when the task ends (completed, or deleted with its
-- process), in the engine's transaction. The values are the form's JSON as the form held it, never process
-- variables: the task's variables change only when the person completes it. Who may read or write a row is
-- decided from the engine's task (tenant, assignee, candidate groups), never from this row.
create table task_draft (
  task_id             varchar(64)   not null primary key,
  process_instance_id varchar(64)   not null,
  tenant_id           varchar(64)   not null,
  task_definition_key varchar(255)  not null,
  saved_by            varchar(255)  not null,
  saved_at            timestamp with time zone not null,
  -- at most 256 KB of UTF-8 (TaskDrafts.MAX_BYTES), so never more characters than this
  form_values         varchar(262144) not null
);
create index ix_task_draft_process_instance on task_draft (process_instance_id);
