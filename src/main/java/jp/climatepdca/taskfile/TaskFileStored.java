package jp.climatepdca.taskfile;

/**
 * A file was taken into the open task {@code taskId} and what the form shows changed on the server (published
 * after the receiver's transaction committed). The task's form draft (taskdraft) is then older than the task's
 * values and is dropped, so the reloaded form shows what the file filled in.
 */
public record TaskFileStored(String taskId) {}
