/**
 * Files uploaded from a Tasklist form into the open task they belong to (the revised plan file of a
 * period evaluation, a department's Excel sheet): one endpoint under the webapps' address, called by
 * Tasklist's page with its session (custom/task-file-upload.js), which checks that the caller works on
 * the task and hands the file to the feature that declared a {@link jp.climatepdca.taskfile.TaskFileReceiver}.
 * docs/tasklist.md, "Uploading a file from a form".
 */
package jp.climatepdca.taskfile;
