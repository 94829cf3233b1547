// A file upload inside a task form. form-js 1.8.7 has no file field, and a file (a plan file of tens of
// thousands of characters, an Excel workbook) does not fit a task variable anyway. A form asks for an
// upload with a marker in a text component:
//
//   <a class="task-file-upload" href="task-files/plan-revision-draft"
//      name=".json,application/json">改定案ファイル（JSON）</a>
//
// (form-js keeps the attributes class, href and name; a relative href is read under the webapps' API,
// <application path>/api/climate-pdca/, so the form does not name the application path, /camunda by
// default). This script puts a file field and a 登録 button where the marker is, sends the chosen file
// to that address + "/" + the open task's id with the Tasklist session
// (cookie and Camunda's X-XSRF-TOKEN, same origin), shows the server's Japanese answer or every error it
// lists, and after a success has Tasklist load the task's form again, so what the server stored shows.
// The server decides everything (who works on the task, what the file may hold): docs/tasklist.md.

import { element, reloadForm, webappsApi, xsrfToken } from './task-page.js';

const MARKER = '.fjs-container a.task-file-upload';
const DONE = 'taskFileUploadDone';
// the last answer per task and address: the form is rendered anew after a success, and the answer stays
const answers = new Map();

function taskId() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

function address(marker) {
  const href = marker.getAttribute('href') || '';
  return href.startsWith('/') ? href : webappsApi(href);
}

// text only (never HTML): a message may quote what the file held
function showAnswer(box, answer) {
  box.textContent = '';
  box.className = 'task-file-upload-result ' + (answer.ok ? 'text-success' : 'text-danger');
  box.appendChild(element('p', null, answer.message));
  if (answer.errors && answer.errors.length) {
    const list = element('ul', 'task-file-upload-errors');
    answer.errors.forEach((error) => list.appendChild(element('li', null, String(error))));
    box.appendChild(list);
  }
}

async function readAnswer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (notJson) {
    body = null;
  }
  if (response.ok) {
    return { ok: true, message: (body && body.message) || '登録しました' };
  }
  const errors = body && Array.isArray(body.errors) ? body.errors.map(String) : [];
  let detail = body ? String(body.detail || body.message || '') : '';
  // the detail repeats the listed errors after the headline: the list shows them one a line
  const joined = errors.join(' / ');
  if (errors.length && detail.endsWith(joined)) {
    detail = detail.slice(0, detail.length - joined.length).replace(/[:：]\s*$/, '');
  }
  const message = detail
    ? (body.title && body.title !== detail ? body.title + '：' : '') + detail
    : 'ファイルを登録できませんでした（HTTP ' + response.status + '）';
  return { ok: false, message, errors };
}

function enhance(marker) {
  if (marker.dataset[DONE]) {
    return;
  }
  marker.dataset[DONE] = 'true';
  const target = address(marker);
  const accept = marker.getAttribute('name') || '';
  const label = marker.textContent.trim() || 'ファイル';
  marker.style.display = 'none';

  const widget = element('div', 'task-file-upload-widget');
  const input = element('input');
  input.type = 'file';
  input.accept = accept;
  input.setAttribute('aria-label', label + 'を選択');
  const button = element('button', 'btn btn-default task-file-upload-send', label + 'を登録');
  button.type = 'button';
  const box = element('div', 'task-file-upload-result');
  box.setAttribute('role', 'status');
  widget.append(input, button, box);
  marker.insertAdjacentElement('afterend', widget);

  const key = () => taskId() + ' ' + target;
  if (answers.has(key())) {
    showAnswer(box, answers.get(key()));
  }

  button.addEventListener('click', async () => {
    const file = input.files && input.files[0];
    const task = taskId();
    if (!file) {
      showAnswer(box, { ok: false, message: 'ファイルを選んでから「' + button.textContent + '」を押してください' });
      return;
    }
    if (!task) {
      showAnswer(box, { ok: false, message: '作業を開いてからファイルを登録してください' });
      return;
    }
    button.disabled = true;
    showAnswer(box, { ok: true, message: '「' + file.name + '」を送信しています…' });
    let answer;
    try {
      const response = await fetch(target + '/' + encodeURIComponent(task), {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          Accept: 'application/json',
          'Content-Type': file.type || 'application/octet-stream',
          'X-File-Name': encodeURIComponent(file.name),
          'X-XSRF-TOKEN': xsrfToken()
        },
        body: file
      });
      answer = await readAnswer(response);
    } catch (unreachable) {
      answer = { ok: false, message: 'サーバーに接続できませんでした。しばらくしてからもう一度登録してください' };
    }
    answers.set(task + ' ' + target, answer);
    button.disabled = false;
    showAnswer(box, answer);
    if (answer.ok) {
      reloadForm();
    }
  });
}

function enhanceAll() {
  document.querySelectorAll(MARKER).forEach(enhance);
}

new MutationObserver(enhanceAll).observe(document.documentElement, { childList: true, subtree: true });

export default [];
