/* Search a code by its name in the grid: type 行政运行 (or 医疗 行政运行) in a 功能分类,
 * 部门经济分类 or 政府经济分类 cell and the entries of the right level whose full path holds
 * every word are offered, with their paths (up to MAX, codes the grid uses first).
 * ↑↓ choose, Enter or a click takes the code and goes on like Enter, Esc closes. grid.js calls ``input``, ``key`` and ``close``.
 */
(function () {
  "use strict";

  var TABLES = { functional: "f", dept: "d", gov: "g" };
  var LEVEL = { functional: 7, dept: 5, gov: 5 };
  var MAX = 12;

  function fold(s) { return String(s == null ? "" : s).normalize("NFKC").trim(); }

  function Search(grid) {
    this.grid = grid;
    this.index = {};
    this.box = document.createElement("ul");
    this.box.className = "grid-search";
    this.box.id = "grid-search";
    this.box.setAttribute("role", "listbox");
    this.box.setAttribute("aria-label", "按名称查找的科目");
    this.box.hidden = true;
    document.body.appendChild(this.box);
    var self = this;
    this.box.addEventListener("mousedown", function (e) {
      var li = e.target.closest("li[data-code]");
      e.preventDefault(); // the cell keeps the focus
      if (li) self.pick(li.dataset.code);
    });
  }

  /* [code, full path] of every entry a cell of column ``c`` may hold, built once. */
  Search.prototype.entries = function (c) {
    if (this.index[c]) return this.index[c];
    var table = this.grid.C[TABLES[c]], local = this.grid.local, out = [];
    Object.keys(table).sort().forEach(function (code) {
      var fits = code.length === LEVEL[c] || (c !== "functional" && code.length === 7 && local.has(code));
      if (!fits) return;
      var parts = [3, 5].filter(function (n) { return n < code.length; }).map(function (n) { return code.slice(0, n); });
      var path = parts.concat([code]).map(function (p) { return p in table ? p + " " + table[p] : p; }).join(" › ");
      out.push([code, path]);
    });
    this.index[c] = out;
    return out;
  };

  Search.prototype.input = function (row, c, input) {
    var text = fold(input.value);
    if (!TABLES[c] || !text || /^\d/.test(text)) { this.close(); return; }
    var words = text.split(/\s+/), used = new Set(), first = [], rest = [];
    this.grid.rows.forEach(function (r) { if (r !== row) used.add(fold(r.v[c])); });
    this.entries(c).forEach(function (entry) {
      if (!words.every(function (w) { return entry[1].indexOf(w) >= 0; })) return;
      (used.has(entry[0]) ? first : rest).push(entry); // codes of this grid's rows first
    });
    var found = first.concat(rest);
    this.show(row, c, input, found.slice(0, MAX), Math.max(found.length - MAX, 0));
  };

  Search.prototype.show = function (row, c, input, found, more) {
    var box = this.box;
    this.at = { row: row, c: c, input: input };
    this.active = found.length ? 0 : -1;
    box.textContent = "";
    found.forEach(function (entry, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "grid-search-" + i;
      li.dataset.code = entry[0];
      li.textContent = entry[1];
      box.appendChild(li);
    });
    var note = document.createElement("li");
    note.className = "note";
    note.textContent = !found.length ? "没有名称含“" + fold(input.value) + "”的科目" :
      more ? "另有 " + more + " 个，可再输入上级名称缩小范围（以空格分隔，如“医疗 行政运行”）" : "↑↓ 选择，Enter 确定，Esc 关闭";
    box.insertBefore(note, box.firstChild); // always in sight, above the matches
    var r = input.getBoundingClientRect();
    box.style.left = (r.left + window.scrollX) + "px";
    box.style.top = (r.bottom + window.scrollY + 2) + "px";
    box.hidden = false;
    input.setAttribute("aria-controls", box.id);
    input.setAttribute("aria-expanded", "true");
    this.highlight();
  };

  Search.prototype.highlight = function () {
    var items = this.box.querySelectorAll("li[data-code]"), active = this.active;
    items.forEach(function (li, i) { li.setAttribute("aria-selected", i === active ? "true" : "false"); });
    if (active >= 0) {
      this.at.input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }
  };

  Object.defineProperty(Search.prototype, "open", { get: function () { return !this.box.hidden; } });

  /* A key in a cell: true when the search used it (grid.js then does nothing more). */
  Search.prototype.key = function (e) {
    if (!this.open) return false;
    var count = this.box.querySelectorAll("li[data-code]").length;
    if (e.key === "Escape") { this.close(); return true; }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (count) this.active = (this.active + (e.key === "ArrowDown" ? 1 : count - 1)) % count;
      this.highlight();
      return true;
    }
    if (e.key === "Enter" && !e.shiftKey && this.active >= 0) {
      this.pick(this.box.querySelectorAll("li[data-code]")[this.active].dataset.code);
      return true;
    }
    return false;
  };

  Search.prototype.pick = function (code) {
    var at = this.at;
    this.close();
    this.grid.choose(at.row, at.c, code);
  };

  Search.prototype.close = function () {
    if (this.box.hidden) return;
    this.box.hidden = true;
    if (this.at) {
      ["aria-expanded", "aria-activedescendant"].forEach(function (a) { this.at.input.removeAttribute(a); }, this);
    }
  };

  window.BudgetGridSearch = { create: function (grid) { return new Search(grid); } };
})();
