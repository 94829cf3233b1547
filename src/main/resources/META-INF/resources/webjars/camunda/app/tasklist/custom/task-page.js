// What the scripts that connect a task's form with our server (task-file-upload.js, task-drafts.js) share:
// where the webapps' API is, Camunda's CSRF token, a text element, and having Tasklist open the task again.
// A module they import, not itself one of config.js's customScripts.

// Tasklist runs at <application path>/app/tasklist/<engine>/: our part of the webapps' API is
// <application path>/api/climate-pdca/
export function webappsApi(relative) {
  const path = window.location.pathname;
  const app = path.indexOf('/app/');
  return (app >= 0 ? path.substring(0, app) : '') + '/api/climate-pdca/' + relative;
}

// Camunda's CSRF token, which its filter wants back as X-XSRF-TOKEN on every change
export function xsrfToken() {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

// text only (never HTML): a message may quote what a person or a file wrote
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

// Tasklist builds the task's view, its form and the form's variables, when the address names the task:
// leaving the task for a moment and coming back loads what the server stored (its task data alone,
// taskData.changed('task'), reloads the task but not the form's variables)
export function reloadForm() {
  const current = window.location.hash;
  const without = current.replace(/([?&])task=[^&]*&?/, '$1').replace(/[?&]$/, '');
  if (without === current) {
    window.location.reload();
    return;
  }
  window.location.hash = without;
  setTimeout(() => {
    window.location.hash = current;
  }, 300);
}
