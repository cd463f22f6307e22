/* The grid page: save all rows at once (JSON), keep everything typed when refused, and
 * warn before leaving with unsaved changes. */
(function () {
  "use strict";
  var view = document.getElementById("grid-view");
  if (view) { // read-only: the rows, checks and totals; nothing to save, nothing to lose
    window.budgetGrid = window.BudgetGrid.create(view, JSON.parse(document.getElementById("grid-data").textContent), { readOnly: true });
    document.documentElement.dataset.gridReady = "1";
    return;
  }
  var form = document.getElementById("grid-form");
  if (!form) return;
  window.gridStartAt = performance.now();
  var data = JSON.parse(document.getElementById("grid-data").textContent);
  var statusBox = document.getElementById("grid-status");
  var button = document.getElementById("grid-save");
  var version = data.version, saving = false, grid;

  function status(text, kind) {
    statusBox.textContent = text;
    statusBox.className = "grid-status" + (kind ? " " + kind : "");
  }

  function save() {
    if (saving) return;
    saving = true;
    button.disabled = true;
    status("正在保存……");
    var sent = grid.snapshot(), edits = grid.edits;
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ version: version, rows: sent.map(function (s) { return s.payload; }) })
    }).then(function (response) {
      if (response.redirected) return { ok: false, message: "登录已过期，未保存：请在新标签页中重新登录后再保存（您填写的内容仍在表格中）。" };
      return response.json().catch(function () { return { ok: false, message: "服务器没有返回可读的结果，未保存；您填写的内容仍在表格中。" }; });
    }).then(function (result) {
      if (result.ok) {
        version = result.version;
        grid.saved(sent, result.ids, edits);
        grid.showProblems(sent, [], result.warnings);
        status(result.message + (result.warnings.length ? "（有 " + result.warnings.length + " 条提示，见各行）" : ""), "ok");
      } else {
        grid.showProblems(sent, result.errors || []);
        status(result.message, "error");
      }
    }).catch(function () {
      status("网络错误，未保存；您填写的内容仍在表格中，请稍后再保存。", "error");
    }).then(function () { saving = false; button.disabled = false; });
  }

  grid = window.BudgetGrid.create(form, data, { save: save, status: status });
  window.budgetGrid = grid;
  form.addEventListener("submit", function (e) { e.preventDefault(); save(); });
  window.addEventListener("beforeunload", function (e) {
    if (grid.dirty) { e.preventDefault(); e.returnValue = ""; }
  });
  var first = grid.rows[0];
  grid.focus(first, first.v.unit ? "functional" : "unit");
  window.gridReadyAt = performance.now(); // for bench/grid.py: interactive since navigation
  document.documentElement.dataset.gridReady = "1";
})();
