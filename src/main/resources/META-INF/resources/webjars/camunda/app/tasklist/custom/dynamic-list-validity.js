// Tasklist 7.24 with form-js 1.8.7: editing a field inside a dynamic list (our lists of measures)
// leaves an empty entry such as {"Field_progress": []} in form-js's error map, and Tasklist counts
// every key of that map as an error. The Complete button then stays disabled although the form shows
// no error, so nobody could submit a self-assessment.
//
// This script lets Tasklist count only the errors the form actually shows. Nothing is weakened: on
// Complete, form-js validates the whole form again (and refuses if anything is wrong), and the
// server's task listeners check every value before anything is saved.

const TASK_FORM = '[cam-tasklist-form]';
const SHOWN_ERROR = '.fjs-has-errors';
const PATCHED = '__climatePdcaValidity';

function shownError(host) {
  return host.querySelector(SHOWN_ERROR) !== null;
}

function patch(host) {
  const form = window.angular && window.angular.element(host).controller('camTasklistForm');
  if (!form || form[PATCHED] || typeof form.notifyFormValidated !== 'function') {
    return;
  }
  const notify = form.notifyFormValidated;
  // called synchronously by Tasklist on every form-js change, including the blur that a click on
  // Complete causes: answering from the page keeps that click from landing on a disabled button
  form.notifyFormValidated = (invalid) => notify(Boolean(invalid) && shownError(host));
  form[PATCHED] = true;
}

function patchAll() {
  document.querySelectorAll(TASK_FORM).forEach(patch);
}

// a new error shows only after form-js has rendered it: look again then
function recheck(event) {
  const target = event.target;
  const host = target && target.closest ? target.closest(TASK_FORM) : null;
  if (!host) {
    return;
  }
  patch(host);
  setTimeout(() => {
    const form = window.angular.element(host).controller('camTasklistForm');
    if (form) {
      form.notifyFormValidated(shownError(host));
    }
  }, 50);
}

new MutationObserver(patchAll).observe(document.documentElement, { childList: true, subtree: true });
['input', 'change', 'focusout'].forEach((type) => document.addEventListener(type, recheck, true));

export default [];
