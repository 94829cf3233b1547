/**
 * Drafts of Tasklist forms kept on the server: what a person typed into an open task's form and saved without
 * completing (「下書きを保存」, or saved as they type), so a half-filled form survives a change of browser or PC,
 * and a colleague of the same group who takes the task over sees it, with who saved it and when. One draft per
 * task (table {@code task_draft}, V28), read and written by Tasklist's page with its session
 * (custom/task-drafts.js) only by a person who works on the task now (taskfile.TaskOwnership), removed when the
 * task ends (engine.EveryUserTask). A draft never becomes a process variable: the task's variables change only
 * when the form is completed. docs/tasklist.md, "Drafts on the server".
 */
package jp.climatepdca.taskdraft;
