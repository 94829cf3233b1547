// climate-pdca: 年度サイクル一覧, a Cockpit page for administrators (Cockpit CE lists running instances only).
// Every municipality's fiscal-year cycles, running and ended, by fiscal year, with phase, late departments and
// a link to each instance: a running one opens in Cockpit's own instance view; an ended one (which CE does not
// open) opens this plugin's step list read from the engine's history. The data comes from our endpoint under
// <application path>/api/climate-pdca/cockpit/, called with Cockpit's session cookie; it answers administrators
// (camunda-admin) only. Below the towns, the areas' cycles (area-cycle.bpmn): members, who is late and what the
// area's secretariat decided, with the same links.

const LIST = '/climate-pdca-cycles';
const AREA_STEPS = '/climate-pdca-area-cycles';

// Cockpit runs at <application path>/app/cockpit/<engine>/
function api(path) {
  const page = window.location.pathname;
  const app = page.indexOf('/app/');
  return (app >= 0 ? page.substring(0, app) : '') + '/api/climate-pdca/cockpit' + path;
}

// also for attribute values: quotes too
function text(value) {
  const escapes = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
  return (value == null ? '' : String(value)).replace(/[&<>"']/g, (c) => escapes[c]);
}

function date(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function load(path) {
  const response = await fetch(api(path), {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || body.title || `読み込めませんでした（${response.status}）`);
  }
  return body;
}

function late(cycle) {
  const departments = cycle.lateDepartments.map((d) => `<li class="climate-pdca-late-department">${text(d.name)}：`
      + d.tasks.map((t) => `${text(t.name)}（期限 ${text(date(t.due))}）`).join('、') + '</li>');
  const town = cycle.overdueTasks.filter((t) => !t.department).map((t) => `<li>${text(t.name)}`
      + `（${text(t.candidateGroups.join('・'))}、期限 ${text(date(t.due))}）</li>`);
  const all = departments.concat(town);
  return all.length ? `<ul class="list-unstyled">${all.join('')}</ul>` : 'なし';
}

function link(cycle, history = LIST) {
  return cycle.state === 'RUNNING' || cycle.state === 'SUSPENDED'
    ? `<a class="climate-pdca-instance" href="#/process-instance/${encodeURIComponent(cycle.processInstanceId)}/runtime">`
      + 'インスタンスを開く</a>'
    : `<a class="climate-pdca-instance" href="#${history}/${encodeURIComponent(cycle.processInstanceId)}">`
      + '履歴を開く</a>';
}

function members(cycle) {
  return '<ul class="list-unstyled">' + cycle.members.map((m) => `<li>${text(m.name)}`
      + `${m.lead ? '（幹事）' : ''}：${text(m.result)}${m.phaseLabel ? '・' + text(m.phaseLabel) : ''}</li>`).join('')
      + '</ul>';
}

function lateMembers(cycle) {
  const late = cycle.members.filter((m) => m.late).map((m) => `<li class="climate-pdca-late-member">${text(m.name)}：`
      + `${text(m.result)}（提出期限 ${text(m.deadline)}）${m.lateNote ? '　' + text(m.lateNote) : ''}</li>`);
  const area = cycle.overdueTasks.map((t) => `<li>${text(t.name)}`
      + `（${text(t.candidateGroups.join('・'))}、期限 ${text(date(t.due))}）</li>`);
  const all = late.concat(area);
  return all.length ? `<ul class="list-unstyled">${all.join('')}</ul>` : 'なし';
}

function areaTable(year, cycles) {
  const rows = cycles.map((c) => `<tr class="climate-pdca-area-cycle" data-business-key="${text(c.businessKey)}">`
      + `<td>${text(c.areaName)}<br><small>${text(c.area)}</small></td>`
      + `<td>${members(c)}</td>`
      + `<td class="climate-pdca-state">${text(c.stateLabel)}</td>`
      + `<td class="climate-pdca-phase">${text(c.phaseLabel)}</td>`
      + `<td>${lateMembers(c)}</td>`
      + `<td>${text(date(c.startedAt))}${c.endedAt ? ' 〜 ' + text(date(c.endedAt)) : ''}</td>`
      + `<td>${link(c, AREA_STEPS)}</td></tr>`).join('');
  return `<section class="climate-pdca-area-year"><h3>${year}年度（圏域）</h3><table class="cam-table">`
      + '<thead><tr><th>圏域</th><th>構成市町村（結果）</th><th>状態</th><th>段階</th><th>遅れている市町村・作業</th>'
      + `<th>開始 〜 終了</th><th>リンク</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function table(year, cycles) {
  const rows = cycles.map((c) => `<tr class="climate-pdca-cycle" data-business-key="${text(c.businessKey)}">`
      + `<td>${text(c.municipalityName)}<br><small>${text(c.municipality)}</small></td>`
      + `<td class="climate-pdca-state">${text(c.stateLabel)}</td>`
      + `<td class="climate-pdca-phase">${text(c.phaseLabel)}</td>`
      + `<td>${late(c)}</td>`
      + `<td>${text(date(c.startedAt))}${c.endedAt ? ' 〜 ' + text(date(c.endedAt)) : ''}</td>`
      + `<td>${link(c)}</td></tr>`).join('');
  return `<section class="climate-pdca-year"><h3>${year}年度</h3><table class="cam-table">`
      + '<thead><tr><th>自治体</th><th>状態</th><th>段階</th><th>遅れている部署・作業</th><th>開始 〜 終了</th>'
      + `<th>リンク</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

async function renderList(node) {
  node.innerHTML = '<div class="climate-pdca-cycles" style="padding: 0 15px"><h2>年度サイクル一覧（全自治体）</h2><p>読み込み中…</p></div>';
  const page = node.firstChild;
  try {
    const [cycles, areaCycles] = await Promise.all([load('/cycles'), load('/area-cycles')]);
    const years = [...new Set(cycles.map((c) => c.fiscalYear))];
    const areaYears = [...new Set(areaCycles.map((c) => c.fiscalYear))];
    page.innerHTML = '<h2>年度サイクル一覧（全自治体）</h2>'
        + '<p>実行中と終了したサイクルを年度ごとに示します。遅れは期限を過ぎても終わっていない作業です。</p>'
        + (years.length ? years.map((y) => table(y, cycles.filter((c) => c.fiscalYear === y))).join('')
          : '<p>開始されたサイクルはありません。</p>')
        + '<h2 class="climate-pdca-areas">圏域の年度サイクル</h2>'
        + '<p>複数の市町村による圏域の計画のサイクルです。遅れている市町村は、点検・評価の結果が期限までに届いていない構成市町村です。</p>'
        + (areaYears.length ? areaYears.map((y) => areaTable(y, areaCycles.filter((c) => c.fiscalYear === y))).join('')
          : '<p>開始された圏域のサイクルはありません。</p>');
  } catch (e) {
    page.innerHTML = `<h2>年度サイクル一覧（全自治体）</h2><p class="alert alert-danger">${text(e.message)}</p>`;
  }
}

async function renderSteps(node, instance, cycles = '/cycles') {
  node.innerHTML = '<div class="climate-pdca-steps" style="padding: 0 15px"><h2>年度サイクルの履歴</h2><p>読み込み中…</p></div>';
  const page = node.firstChild;
  try {
    const steps = await load(`${cycles}/${encodeURIComponent(instance)}/steps`);
    const rows = steps.map((s) => `<tr><td>${text(s.name)}</td><td>${text(s.assignee)}</td>`
        + `<td>${text(date(s.started))}</td><td>${s.ended ? text(date(s.ended)) : '未完了'}</td></tr>`).join('');
    page.innerHTML = `<h2>年度サイクルの履歴</h2><p><a href="#${LIST}">年度サイクル一覧へ戻る</a></p>`
        + '<table class="cam-table"><thead><tr><th>手順</th><th>担当者</th><th>開始</th><th>終了</th></tr></thead>'
        + `<tbody>${rows}</tbody></table>`;
  } catch (e) {
    page.innerHTML = `<h2>年度サイクルの履歴</h2><p class="alert alert-danger">${text(e.message)}</p>`;
  }
}

export default [
  {
    id: 'climate-pdca.cycles.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {
      pagePath: `#${LIST}`,
      label: '年度サイクル',
      checkActive: (url) => url.indexOf(`#${LIST}`) >= 0
    },
    render: (node) => {
      node.innerHTML = `<a href="#${LIST}">年度サイクル</a>`;
    }
  },
  {
    id: 'climate-pdca.cycles.route',
    pluginPoint: 'cockpit.route',
    properties: {path: LIST, label: '年度サイクル一覧'},
    render: (node) => {
      renderList(node);
    }
  },
  {
    id: 'climate-pdca.cycles.steps-route',
    pluginPoint: 'cockpit.route',
    properties: {path: `${LIST}/:instance`, label: '年度サイクルの履歴'},
    render: (node) => {
      const instance = decodeURIComponent(window.location.hash.split('/').pop().split('?')[0]);
      renderSteps(node, instance);
    }
  },
  {
    id: 'climate-pdca.cycles.area-steps-route',
    pluginPoint: 'cockpit.route',
    properties: {path: `${AREA_STEPS}/:instance`, label: '圏域サイクルの履歴'},
    render: (node) => {
      const instance = decodeURIComponent(window.location.hash.split('/').pop().split('?')[0]);
      renderSteps(node, instance, '/area-cycles');
    }
  }
];
