// climate-pdca: 「期限超過（全部署）」 in Tasklist's header, for a town's secretariat. The filter 「期限超過」 lists
// the overdue tasks the secretariat may read; a department's open task (its draft) is not among them, by the
// security rule that keeps drafts to their department (docs/deadlines.md). This panel shows everything overdue in
// the secretariat's towns' running cycles, the departments' tasks included, by name, department, who it waits
// for and due date, from <application path>/api/climate-pdca/overdue (the same rows as the overdue API), and
// nothing of a draft. The header entry appears only when that address answers (a secretariat); for anyone else
// it answers 403 and nothing is shown.

const PANEL = 'climate-pdca-overdue-panel';

// Tasklist runs at <application path>/app/tasklist/<engine>/
function api() {
  const page = window.location.pathname;
  const app = page.indexOf('/app/');
  return (app >= 0 ? page.substring(0, app) : '') + '/api/climate-pdca/overdue';
}

// also for attribute values: quotes too
function text(value) {
  const escapes = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
  return (value == null ? '' : String(value)).replace(/[&<>"']/g, (c) => escapes[c]);
}

async function load() {
  const response = await fetch(api(), {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  return {ok: response.ok, body: await response.json().catch(() => ({}))};
}

function table(list) {
  const rows = list.tasks.map((t) => `<tr class="climate-pdca-overdue-task" data-task-id="${text(t.taskId)}">`
      + `<td>${text(t.name)}</td><td>${text(t.department ? t.department.name : '（全庁）')}</td>`
      + `<td>${text(t.waitingFor)}</td><td>${text(t.dueLabel)}</td><td>${text(t.overdueLabel)}</td></tr>`).join('');
  return `<h4>${text(list.municipalityName)} ${text(list.fiscalYear)}年度：${text(list.summary)}</h4>`
      + (list.tasks.length ? '<table class="table table-condensed"><thead><tr><th>作業</th><th>部署</th>'
        + `<th>担当</th><th>期限</th><th>超過</th></tr></thead><tbody>${rows}</tbody></table>` : '');
}

function close() {
  const panel = document.getElementById(PANEL);
  if (panel) {
    panel.remove();
  }
}

async function open() {
  close();
  const panel = document.createElement('div');
  panel.id = PANEL;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', '期限超過（全部署）');
  panel.style.cssText = 'position:fixed;top:60px;left:5%;right:5%;max-height:80vh;overflow:auto;z-index:2000;'
      + 'background:#fff;border:1px solid #999;box-shadow:0 4px 16px rgba(0,0,0,.3);padding:15px';
  panel.innerHTML = '<p>読み込み中…</p>';
  document.body.appendChild(panel);
  const {ok, body} = await load();
  const lists = ok && Array.isArray(body) ? body : [];
  panel.innerHTML = '<button type="button" class="close climate-pdca-overdue-close" aria-label="閉じる">×</button>'
      + '<h3>期限超過（全部署）</h3>'
      + '<p>実行中の年度サイクルで期限を過ぎた作業です。部署の入力中の内容は、部署が提出するまで表示されません。</p>'
      + (ok ? (lists.length ? lists.map(table).join('') : '<p>実行中の年度サイクルはありません。</p>')
        : `<p class="alert alert-danger">${text(body.detail || '読み込めませんでした')}</p>`);
  panel.querySelector('.climate-pdca-overdue-close').addEventListener('click', close);
}

export default [
  {
    id: 'climate-pdca.overdue-everything',
    pluginPoint: 'tasklist.navbar.action',
    priority: 300,
    render: (node) => {
      load().then(({ok}) => {
        if (!ok) {
          return;
        }
        node.innerHTML = '<a href class="climate-pdca-overdue-open" title="実行中のサイクルで期限を過ぎた作業（各部署の作業を含む）">'
            + '<span class="glyphicon glyphicon-time"></span> 期限超過（全部署）</a>';
        node.querySelector('a').addEventListener('click', (event) => {
          event.preventDefault();
          open();
        });
      });
    }
  }
];
