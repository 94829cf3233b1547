// Drafts of a task's form on the server (docs/tasklist.md, "Drafts on the server"). Tasklist 7.24 keeps the
// values of its own save button (一時保存) only in this browser's localStorage ("camunda-form:<task id>"),
// so a half-filled form is lost on another PC, and a colleague who takes the task over never sees it. This
// script adds 「下書きを保存」 and 「下書きを破棄」 above every Camunda Form of a task, saves on its own a few
// seconds after a change, and opens a task with its draft, telling who saved it and when.
//
// How it reaches the form (Tasklist's directive cam-tasklist-form-camunda, form-js 1.8.7):
// - restoring: the directive reads localStorage "camunda-form:<task id>" once when it is linked and imports
//   the form with the task's variables overlaid by those values (form.importSchema(schema, {...variables,
//   ...saved})), as its own save button does. A decorator of that directive fetches the draft first, puts it
//   there for that moment only, links the directive, and takes it out again; dynamic lists come back as any
//   value does. A value still in localStorage was saved by Tasklist when the server could not be reached
//   (its save on a lost login) and is newer than the server's: it is left to win.
// - reading: the form-js instance, found through the context the form renders with (the getService of
//   form-js's context provider, on the node form-js renders into); its _getSubmitData() gives what a
//   completion would send, without validating (no red 必須 on a half-filled form). Without it (a later
//   form-js), 「下書きを保存」 falls back to Tasklist's own save (which validates, as its button does) and
//   nothing is saved on its own.
// The server decides who may read or write a draft (docs/security.md); a draft never becomes a variable.

import { element, reloadForm, webappsApi, xsrfToken } from './task-page.js';

const PREFIX = 'camunda-form:';
const AUTOSAVE_MS = 4000;
const LOAD_TIMEOUT_MS = 8000;
// the note to show once the form is opened again after a discard
const notes = new Map();


async function call(method, taskId, body, signal) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = xsrfToken();
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(webappsApi('task-drafts/' + encodeURIComponent(taskId)), {
    method, credentials: 'same-origin', headers, body, signal
  });
  let json = null;
  if (response.status !== 204) {
    try {
      json = await response.json();
    } catch (notJson) {
      json = null;
    }
  }
  return { ok: response.ok, status: response.status, json };
}

function refusal(answer) {
  const body = answer.json || {};
  return String(body.detail || body.message || 'HTTP ' + answer.status);
}

// the draft, or null; never keeps the form from opening (an unreachable server opens it without)
async function loadDraft(taskId) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), LOAD_TIMEOUT_MS);
  try {
    const answer = await call('GET', taskId, undefined, abort.signal);
    return answer.status === 200 && answer.json ? answer.json : null;
  } catch (unreachable) {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

// form-js renders with preact, which keeps the rendered tree on the node it renders into (__k); the form's
// context provider holds getService, the form's own injector
function formInstance(container) {
  const roots = [container, ...container.querySelectorAll('div')].filter((node) => node.__k).slice(0, 5);
  for (const root of roots) {
    const queue = [root.__k];
    for (let seen = 0; queue.length && seen < 500; seen++) {
      const vnode = queue.shift();
      if (!vnode) {
        continue;
      }
      const value = vnode.props && vnode.props.value;
      if (value && typeof value.getService === 'function') {
        let form = null;
        try {
          form = value.getService('form', false);
        } catch (none) {
          form = null;
        }
        if (form && typeof form._getSubmitData === 'function' && typeof form.on === 'function') {
          return form;
        }
      }
      (Array.isArray(vnode) ? vnode : vnode.__k || []).forEach((child) => queue.push(child));
    }
  }
  return null;
}

function drafts(scope, element0, taskId, controller) {
  const key = PREFIX + taskId;
  const bar = element('div', 'task-drafts-bar');
  const status = element('span', 'task-drafts-status');
  status.setAttribute('role', 'status');
  const save = element('button', 'btn btn-default btn-sm task-drafts-save', '下書きを保存');
  save.type = 'button';
  const discard = element('button', 'btn btn-link btn-sm task-drafts-discard', '下書きを破棄');
  discard.type = 'button';
  discard.hidden = true;
  bar.append(save, discard, status);
  element0.insertAdjacentElement('beforebegin', bar);
  const host = element0.closest('[cam-tasklist-form]');
  if (host) {
    host.classList.add('task-drafts-on');
  }

  let form = null;
  let tasklistSave = null;
  let lastSaved = null;
  let timer = null;
  let stopped = false;
  let saving = Promise.resolve();

  function show(text, ok) {
    status.textContent = text;
    status.className = 'task-drafts-status ' + (ok ? 'text-success' : 'text-danger');
  }

  function values() {
    if (form) {
      return form._getSubmitData();
    }
    if (!tasklistSave) {
      return null;
    }
    // Tasklist's own save: validates and writes localStorage, which is read and emptied again
    tasklistSave();
    const saved = localStorage.getItem(key);
    return saved === null ? null : JSON.parse(saved);
  }

  function cancel() {
    clearTimeout(timer);
    timer = null;
  }

  function store(automatic) {
    cancel();
    if (stopped) {
      return saving;
    }
    const data = values();
    if (data === null) {
      return saving;
    }
    const json = JSON.stringify(data);
    if (automatic && json === lastSaved) {
      return saving;
    }
    saving = saving.then(async () => {
      let answer;
      try {
        answer = await call('PUT', taskId, json);
      } catch (unreachable) {
        answer = null;
      }
      if (stopped) {
        return;
      }
      if (answer && answer.ok) {
        lastSaved = json;
        localStorage.removeItem(key);
        discard.hidden = false;
        show((automatic ? '自動で' : '') + answer.json.message, true);
      } else {
        show('下書きを保存できませんでした：' + (answer ? refusal(answer) : 'サーバーに接続できません'), false);
      }
    });
    return saving;
  }

  function changed() {
    if (stopped || timer || !form) {
      return;
    }
    if (JSON.stringify(form._getSubmitData()) === lastSaved) {
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      store(true);
    }, AUTOSAVE_MS);
  }

  save.addEventListener('click', () => store(false));
  // a second press confirms (a browser dialog would stop the page, and a misplaced click loses the work)
  let armed = null;
  discard.addEventListener('click', async () => {
    if (!armed) {
      discard.textContent = 'もう一度押すと破棄します';
      show('下書きを破棄すると、保存した入力内容は元に戻せません', false);
      armed = setTimeout(() => {
        armed = null;
        discard.textContent = '下書きを破棄';
        show('', true);
      }, 8000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    discard.textContent = '下書きを破棄';
    stopped = true;
    cancel();
    await saving;
    let answer;
    try {
      answer = await call('DELETE', taskId);
    } catch (unreachable) {
      answer = null;
    }
    if (answer && answer.ok) {
      localStorage.removeItem(key);
      show('下書きを破棄しました。作業の値で開き直しています', true);
      notes.set(taskId, { text: '下書きを破棄しました', ok: true });
      reloadForm();
    } else {
      stopped = false;
      show('下書きを破棄できませんでした：' + (answer ? refusal(answer) : 'サーバーに接続できません'), false);
    }
  });

  scope.$on('$destroy', () => {
    stopped = true;
    cancel();
    bar.remove();
  });

  return {
    restored(draft, fromBrowser) {
      if (notes.has(taskId)) {
        const note = notes.get(taskId);
        notes.delete(taskId);
        show(note.text, note.ok);
      }
      if (draft) {
        discard.hidden = false;
        show('下書きを復元しました（' + draft.savedByName + '・' + draft.savedAtText + '）', true);
      } else if (fromBrowser) {
        show('このブラウザに残っていた入力を復元しました（まだサーバーに保存していません）', false);
      }
    },
    // the proxy handed to Tasklist's directive in place of its form controller
    controller() {
      const proxy = Object.create(controller);
      proxy.registerSaveHandler = (handler) => {
        tasklistSave = handler;
        controller.registerSaveHandler((event) => {
          handler(event);
          store(false);
        });
      };
      proxy.registerCompletionHandler = (handler) => {
        controller.registerCompletionHandler((callback) => {
          // no draft is written after the task ended (the server removes it when the task completes)
          stopped = true;
          cancel();
          handler((error, result) => {
            if (error) {
              stopped = false;
            }
            callback(error, result);
          });
        });
      };
      proxy.notifyFormInitialized = () => {
        controller.notifyFormInitialized();
        form = formInstance(element0);
        if (form) {
          lastSaved = JSON.stringify(form._getSubmitData());
          form.on('changed', changed);
        } else if (window.console) {
          window.console.warn('task-drafts: form-js instance not found; drafts are saved only with 下書きを保存');
        }
      };
      return proxy;
    }
  };
}

function decorate(directive) {
  const link = directive.link;
  directive.compile = () => function (scope, element, attrs, formController) {
    const taskId = formController && formController.getParams().taskId;
    if (!taskId) {
      link.call(this, scope, element, attrs, formController);
      return;
    }
    const self = this;
    const ui = drafts(scope, element[0], taskId, formController);
    let destroyed = false;
    scope.$on('$destroy', () => {
      destroyed = true;
    });
    loadDraft(taskId).then((draft) => {
      if (destroyed) {
        return;
      }
      const key = PREFIX + taskId;
      const fromBrowser = localStorage.getItem(key) !== null;
      const restore = draft && !fromBrowser;
      if (restore) {
        localStorage.setItem(key, JSON.stringify(draft.values));
      }
      try {
        link.call(self, scope, element, attrs, ui.controller());
      } finally {
        if (restore) {
          localStorage.removeItem(key);
        }
      }
      ui.restored(restore ? draft : null, fromBrowser);
      scope.$applyAsync();
    });
  };
  return directive;
}

window.angular.module('cam.tasklist.custom').config(['$provide', ($provide) => {
  $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', ($delegate) => {
    decorate($delegate[0]);
    return $delegate;
  }]);
}]);

export default [];
