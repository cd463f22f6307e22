/* A project in one go: its fields, its lines (the grid) and its indicators, created by one
 * save; each refusal is shown next to the field or row that has it. */
(function () {
  "use strict";
  var form = document.getElementById("project-form");
  if (!form) return;
  var data = JSON.parse(document.getElementById("grid-data").textContent);
  var statusBox = document.getElementById("grid-status");
  var button = document.getElementById("grid-save");
  var unitSelect = document.getElementById("p-unit");
  var indicatorBody = document.querySelector("#indicator-grid tbody");
  var FIELDS = ["level1", "level2", "level3", "value"];
  var LABELS = { level1: "一级指标", level2: "二级指标", level3: "三级指标", value: "指标值" };
  var saving = false, grid, done = false, indicatorEdits = 0;

  function status(text, kind) {
    statusBox.textContent = text;
    statusBox.className = "grid-status" + (kind ? " " + kind : "");
  }

  function addIndicator() {
    var tr = document.createElement("tr"), html = '<th scope="row"></th>';
    FIELDS.forEach(function (f) {
      html += '<td><input data-f="' + f + '" aria-label="' + LABELS[f] + '" size="' + (f === "level3" ? 30 : 12) + '" autocomplete="off"></td>';
    });
    html += '<td><button type="button" class="button" data-a="del" tabindex="-1" aria-label="删除指标">✕</button></td>';
    tr.innerHTML = html;
    indicatorBody.appendChild(tr);
    renumber();
    return tr;
  }

  function renumber() {
    Array.prototype.forEach.call(indicatorBody.rows, function (tr, i) { tr.firstChild.textContent = i + 1; });
  }

  function clearErrors() {
    form.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
    form.querySelectorAll(".invalid").forEach(function (e) { if (!e.closest(".entry-grid")) e.classList.remove("invalid"); });
  }

  function showError(input, message) {
    if (!input) return;
    input.classList.add("invalid");
    input.setAttribute("aria-invalid", "true");
    var span = document.createElement("span");
    span.className = "field-error";
    span.textContent = message;
    input.after(span);
  }

  function projectFields() {
    var values = {};
    ["code", "name", "kind", "unit", "declared_total"].forEach(function (n) { values[n] = form.elements[n].value; });
    return values;
  }

  function indicatorRows() {
    return Array.prototype.map.call(indicatorBody.rows, function (tr) {
      var row = {};
      FIELDS.forEach(function (f) { row[f] = tr.querySelector("[data-f=" + f + "]").value; });
      return row;
    });
  }

  function save() {
    if (saving) return;
    saving = true;
    button.disabled = true;
    status("正在保存……");
    clearErrors();
    var sent = grid.snapshot();
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ project: projectFields(), rows: sent.map(function (s) { return s.payload; }), indicators: indicatorRows() })
    }).then(function (response) {
      if (response.redirected) return { ok: false, message: "登录已过期，未保存：请在新标签页中重新登录后再保存（您填写的内容仍在页面中）。" };
      return response.json().catch(function () { return { ok: false, message: "服务器没有返回可读的结果，未保存；您填写的内容仍在页面中。" }; });
    }).then(function (result) {
      if (result.ok) {
        done = true;
        status(result.message, "ok");
        window.location.assign(result.url);
        return;
      }
      var errors = result.errors || {};
      (errors.project || []).forEach(function (p) { showError(form.elements[p.field], p.message); });
      grid.showProblems(sent, errors.lines || []);
      (errors.indicators || []).forEach(function (p) {
        var tr = indicatorBody.rows[p.row];
        if (tr) showError(tr.querySelector("[data-f=" + p.field + "]"), p.message);
      });
      status(result.message, "error");
      var first = form.querySelector("#project-fields .invalid, #indicator-grid .invalid");
      if (first && !(errors.lines || []).length) first.focus();
    }).catch(function () {
      status("网络错误，未保存；您填写的内容仍在页面中，请稍后再保存。", "error");
    }).then(function () { saving = false; button.disabled = false; });
  }

  data.project = { unit: unitSelect.value };
  grid = window.BudgetGrid.create(form, data, { save: save, status: status });
  window.budgetGrid = grid;
  unitSelect.addEventListener("change", function () { grid.setFixedUnit(unitSelect.value); indicatorEdits++; });
  document.getElementById("p-total").addEventListener("input", function (e) { grid.setDeclared(e.target.value); });
  form.addEventListener("input", function (e) { if (!e.target.closest(".entry-grid")) indicatorEdits++; });
  document.getElementById("indicator-add").addEventListener("click", function () { addIndicator().querySelector("input").focus(); });
  indicatorBody.addEventListener("click", function (e) {
    var b = e.target.closest("button[data-a=del]");
    if (b) { b.closest("tr").remove(); renumber(); indicatorEdits++; }
  });
  form.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === "s" || e.key === "S")) { e.preventDefault(); save(); }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); save(); });
  window.addEventListener("beforeunload", function (e) {
    if (!done && (grid.dirty || indicatorEdits)) { e.preventDefault(); e.returnValue = ""; }
  });
  addIndicator();
  document.getElementById("p-code").focus();
  window.gridReadyAt = performance.now(); // for bench/grid.py: interactive since navigation
  document.documentElement.dataset.gridReady = "1";
})();
