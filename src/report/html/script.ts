/**
 * The report's one inline script (plain ES2017, no imports): sorts the claims table by
 * severity, amount or claim, filters it by rule (the select, or a click on a bar of the
 * "by rule" chart), and in the VS Code webview posts "reveal" and "ruleDocs" messages and
 * keeps the filter across updates. The page reads fine without it.
 */
export const SCRIPT = `(function () {
  'use strict';
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  // The Audit Summary says when it is auditing (a new scope, a change): the old numbers are
  // dimmed under "Auditing …" until the new page replaces this one.
  window.addEventListener('message', function (e) {
    var m = e.data;
    var busy = document.getElementById('busy');
    if (!m || m.type !== 'busy' || !busy) return;
    busy.textContent = String(m.text || 'Auditing…');
    busy.hidden = false;
    document.body.setAttribute('aria-busy', 'true');
  });
  var table = document.getElementById('claims-table');
  var select = document.getElementById('rule-filter');
  var shown = document.getElementById('shown-count');
  if (!table || !select) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var state = (vscode && vscode.getState()) || { rule: '', sort: '', dir: '' };

  function save() { if (vscode) vscode.setState(state); }

  function applyFilter() {
    var rule = state.rule;
    var visible = 0;
    rows.forEach(function (row) {
      var match = !rule || (' ' + row.getAttribute('data-rules') + ' ').indexOf(' ' + rule + ' ') >= 0;
      row.hidden = !match;
      if (match) visible++;
      Array.prototype.forEach.call(row.querySelectorAll('li[data-rule]'), function (li) {
        li.classList.toggle('dim', !!rule && li.getAttribute('data-rule') !== rule);
      });
    });
    select.value = rule;
    if (shown) shown.textContent = rule ? visible + ' of ' + rows.length + ' claims have ' + rule : rows.length + ' claims';
    document.body.setAttribute('data-filter', rule);
  }

  function applySort() {
    var key = state.sort;
    var dir = state.dir === 'asc' ? 1 : -1;
    Array.prototype.forEach.call(table.querySelectorAll('button.sort'), function (b) {
      if (b.getAttribute('data-sort') === key) b.setAttribute('data-dir', state.dir); else b.removeAttribute('data-dir');
    });
    var sorted = rows.slice().sort(function (a, b) {
      var order = Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
      if (!key) return order;
      var x, y;
      if (key === 'claim') {
        x = a.getAttribute('data-claim'); y = b.getAttribute('data-claim');
        return (x < y ? -1 : x > y ? 1 : 0) * dir || order;
      }
      x = Number(a.getAttribute('data-' + key)); y = Number(b.getAttribute('data-' + key));
      return (x - y) * dir || order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  function filterBy(rule) {
    state.rule = rule;
    save();
    applyFilter();
  }

  select.addEventListener('change', function () { filterBy(select.value); });
  var clear = document.getElementById('clear-filter');
  if (clear) clear.addEventListener('click', function () { filterBy(''); });

  table.querySelector('thead').addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button.sort');
    if (!b) return;
    var key = b.getAttribute('data-sort');
    state.dir = state.sort === key && state.dir === 'desc' ? 'asc' : 'desc';
    state.sort = key;
    save();
    applySort();
  });

  document.addEventListener('click', function (e) {
    var target = e.target;
    var a = target.closest && target.closest('a');
    var href = a && a.getAttribute('href');
    if (href && href.indexOf('#rule=') === 0) {
      e.preventDefault();
      var rule = decodeURIComponent(href.slice(6));
      filterBy(state.rule === rule ? '' : rule);
      return;
    }
    if (!vscode) return;
    var loc = target.closest && target.closest('button.loc');
    if (loc) {
      var p = loc.getAttribute('data-loc').split(':').map(Number);
      vscode.postMessage({ type: 'reveal', file: p[0], range: [p[1], p[2], p[3], p[4]] });
      return;
    }
    if (a && a.classList.contains('rule')) {
      e.preventDefault();
      vscode.postMessage({ type: 'ruleDocs', rule: a.getAttribute('data-rule'), href: a.getAttribute('href') });
    }
  });

  if (state.rule && !select.querySelector('option[value="' + state.rule.replace(/"/g, '') + '"]')) state.rule = '';
  applyFilter();
  if (state.sort) applySort();
})();`;
