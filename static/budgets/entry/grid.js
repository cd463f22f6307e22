/* The line-entry grid: a plain <table> of inputs, keyboard first, no library, no build.
 *
 * BudgetGrid.create(container, data, options) fills the table's body from ``data`` (the
 * page's #grid-data: rows, the year's catalogue, the Chinese messages) and keeps, for every
 * row, its values, its problems (checked as typed, with the server's own message texts) and
 * the totals. The page script saves (grid-page.js, project.js); the server checks again.
 * With ``options.readOnly`` (a reviewer, a submitted budget) the cells are plain text:
 * the same rows, names, checks and totals, nothing to type into and no events.
 */
(function () {
  "use strict";

  var COLS = ["unit", "functional", "dept", "gov", "source", "cost", "amount"];
  var LABELS = { unit: "预算单位", functional: "功能分类", dept: "部门经济分类", gov: "政府经济分类",
    source: "资金来源", cost: "人员/公用经费", amount: "金额" };
  var REQUIRED = ["unit", "functional", "dept", "gov", "source", "amount"];
  var INHERIT = ["unit", "functional", "source"];
  var PERSONNEL = { "301": true, "303": true };
  var CODED = { unit: true, functional: true, dept: true, gov: true };
  // A long grid shows its first rows at once and lays out the rest in batches after it
  // is interactive (laying out 1,000 rows of inputs takes Chromium longer than building them).
  var FIRST = 120, BATCH = 150;

  function fold(s) { return String(s == null ? "" : s).normalize("NFKC").trim(); }
  function codeOf(s) { var m = /^\s*(\d+)/.exec(s); return m ? m[1] : s; }
  function fill(t, o) { return t.replace(/\{(\w+)\}/g, function (m, k) { return k in o ? o[k] : m; }); }
  /* A row without any of these is empty (its unit and source may be preset): the server
   * skips it too. */
  var CONTENT = ["functional", "dept", "gov", "amount"];
  function blank(v) { return CONTENT.every(function (c) { return !fold(v[c]); }); }

  /* "1,234.5" → {cents: 123450}; or {error: key of the message}. */
  function parseAmount(s) {
    var t = fold(s).replace(/[,\s]/g, "");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return { error: "amount" };
    if (t[0] === "-" && /[1-9]/.test(t)) return { error: "amount_negative" };
    t = t.replace(/^[-+]/, "");
    var parts = t.split("."), whole = parts[0].replace(/^0+/, ""), frac = parts[1] || "";
    if (frac.replace(/0+$/, "").length > 2) return { error: "amount_places" };
    if (whole.length > 16) return { error: "amount_big" };
    return { cents: Number(whole || "0") * 100 + Number((frac + "00").slice(0, 2)) };
  }

  function money(cents) {
    var sign = cents < 0 ? "-" : "", a = Math.abs(Math.round(cents));
    var whole = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return sign + whole + "." + String(a % 100).padStart(2, "0");
  }

  /* Tab-separated text as Excel copies it (quoted cells may hold tabs and line breaks). */
  function parseTSV(text) {
    var rows = [], row = [], cell = "", quoted = false, i = 0;
    text = text.replace(/\r\n?/g, "\n");
    for (; i < text.length; i++) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"' && cell === "") quoted = true;
      else if (ch === "\t") { row.push(cell); cell = ""; }
      else if (ch === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
      else cell += ch;
    }
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    return rows;
  }

  function Grid(root, data, options) {
    var self = this;
    this.root = root;
    this.options = options || {};
    this.tbody = root.querySelector("table.entry-grid tbody");
    this.totals = root.querySelector("table.entry-totals");
    this.C = data.catalogue;
    this.M = data.messages;
    this.isProject = data.kind === "project";
    this.readOnly = !!this.options.readOnly;
    this.fixedUnit = data.project ? data.project.unit : null;
    this.declared = data.declared ? parseAmount(data.declared).cents : null;
    this.outside = data.outside || [];
    this.units = new Map(this.C.u.map(function (u) { return [u[0], { code: u[0], name: u[1], scope: u[2] }]; }));
    this.local = new Set(this.C.local);
    this.rows = [];
    this.edits = 0;
    this.savedEdits = 0;
    this.proto = this.prototypeRow();
    var defaults = this.defaults(), table = this.tbody.parentNode;
    table.removeChild(this.tbody); // rows are built off the document: one layout, not 1,000
    this.building = true;
    (data.rows || []).forEach(function (r) {
      var v = { unit: r[1], functional: r[2], dept: r[3], gov: r[4],
        source: String(self.C.sk.indexOf(r[5]) + 1), cost: { personnel: "人员", public: "公用" }[r[6]] || "",
        amount: money(parseAmount(r[7]).cents) };
      self.addRow(self.rows.length, v, r[0], true);
    });
    if (!this.rows.length && !this.readOnly) this.addRow(0, defaults, null, true);
    this.rows.forEach(function (row) { self.check(row); self.paint(row); });
    this.pendingFrom = null;
    this.building = false;
    if (this.rows.length > FIRST) {
      this.rows.slice(FIRST).forEach(function (row) { row.tr.remove(); if (row.msg) row.msg.remove(); });
      this.pendingFrom = FIRST;
      setTimeout(function () { self.attachMore(BATCH); }, 0);
    } else this.complete();
    if (this.readOnly && !this.rows.length) this.tbody.innerHTML = '<tr><td colspan="9" class="grid-empty">暂无支出明细。</td></tr>';
    table.appendChild(this.tbody);
    this.paintTotals();
    if (this.readOnly) return;
    this.tbody.addEventListener("input", function (e) { self.onInput(e); });
    this.tbody.addEventListener("change", function (e) { self.onChange(e); });
    this.tbody.addEventListener("keydown", function (e) { self.onKey(e); });
    this.tbody.addEventListener("focusin", function (e) { if (e.target.select) e.target.select(); });
    this.tbody.addEventListener("paste", function (e) { self.onPaste(e); });
    // Codes by name (grid-search.js), where the page loads it.
    this.search = window.BudgetGridSearch ? window.BudgetGridSearch.create(this) : null;
    this.tbody.addEventListener("focusout", function () { if (self.search) self.search.close(); });
    this.tbody.addEventListener("click", function (e) { self.onClick(e); });
    root.querySelectorAll("[data-grid-action=add]").forEach(function (b) {
      b.addEventListener("click", function () {
        var last = self.rows[self.rows.length - 1];
        self.focus(self.addFresh(self.rows.length, last), "functional");
      });
    });
  }

  /* Lay out ``count`` more of the rows not yet in the table (all: ``Infinity``). */
  Grid.prototype.attachMore = function (count) {
    if (this.pendingFrom === null) return;
    var end = Math.min(this.pendingFrom + count, this.rows.length), part = document.createDocumentFragment();
    for (var i = this.pendingFrom; i < end; i++) {
      part.appendChild(this.rows[i].tr);
      if (this.rows[i].msg) part.appendChild(this.rows[i].msg);
    }
    this.tbody.appendChild(part);
    this.pendingFrom = end < this.rows.length ? end : null;
    var self = this;
    if (this.pendingFrom !== null) setTimeout(function () { self.attachMore(BATCH); }, 0);
    else this.complete();
  };

  Grid.prototype.complete = function () {
    window.gridCompleteAt = performance.now();
    document.documentElement.dataset.gridComplete = "1";
  };

  Grid.prototype.defaults = function () {
    var v = { unit: "", functional: "", dept: "", gov: "", source: "1", cost: "", amount: "" };
    if (this.fixedUnit) v.unit = this.fixedUnit;
    else if (this.units.size === 1) v.unit = this.C.u[0][0];
    return v;
  };

  Grid.prototype.prototypeRow = function () {
    var tr = document.createElement("tr"), html = '<th class="n" scope="row"></th>';
    if (this.readOnly) { // text, not inputs: classes, titles and names are painted alike
      COLS.forEach(function (c) {
        var cls = c === "amount" ? "num" : (c === "cost" || c === "source" ? "short" : "code");
        html += '<td class="cell-' + c + '"><span data-c="' + c + '" class="ro ' + cls + '"></span><span class="nm"></span></td>';
      });
      tr.innerHTML = html + '<td class="act"></td>';
      return tr;
    }
    COLS.forEach(function (c) {
      var cls = c === "amount" ? "num" : (c === "cost" || c === "source" ? "short" : "code");
      html += '<td class="cell-' + c + '"><input data-c="' + c + '" class="' + cls + '" autocomplete="off" spellcheck="false" aria-label="' +
        LABELS[c] + '"' + (c === "amount" ? ' inputmode="decimal"' : "") + '><span class="nm"></span></td>';
    });
    html += '<td class="act"><button type="button" tabindex="-1" data-a="copy" title="复制行（Ctrl+D）" >复制</button>' +
      '<button type="button" tabindex="-1" data-a="del" title="删除行（Ctrl+Delete）" >删除</button></td>';
    tr.innerHTML = html;
    if (this.isProject) {
      var cost = tr.querySelector("input[data-c=cost]");
      cost.disabled = true;
      cost.placeholder = "—";
    }
    return tr;
  };

  Grid.prototype.addRow = function (at, values, id, quiet) {
    var tr = this.proto.cloneNode(true), row = { id: id || null, v: {}, err: {}, srv: {}, warn: {}, tr: tr, msg: null, inputs: {}, names: {}, shown: {}, autoGov: false };
    COLS.forEach(function (c) {
      row.v[c] = values[c] || "";
      var input = tr.querySelector("[data-c=" + c + "]");
      if (this.readOnly) input.textContent = row.v[c]; else input.value = row.v[c];
      row.inputs[c] = input;
      row.names[c] = input.nextElementSibling;
    }, this);
    tr._row = row;
    if (!this.building) this.attachMore(Infinity); // rows go in among laid-out rows only
    var before = this.rows[at];
    this.tbody.insertBefore(tr, before ? before.tr : null);
    this.rows.splice(at, 0, row);
    this.renumber(at);
    if (!quiet) { this.autoGov(row); this.touched(row); }
    return row;
  };

  /* A new row with the unit, 功能分类 and 资金来源 of ``from``: not a line until typed in. */
  Grid.prototype.addFresh = function (at, from) {
    var row = this.addRow(at, this.inherit(from), null, true);
    row.fresh = true;
    row.tr.classList.add("fresh");
    return row;
  };

  Grid.prototype.unfresh = function (row) {
    if (!row.fresh) return;
    row.fresh = false;
    row.tr.classList.remove("fresh");
  };

  Grid.prototype.renumber = function (from) {
    for (var i = from; i < this.rows.length; i++) this.rows[i].tr.firstChild.textContent = i + 1;
  };

  Grid.prototype.removeRow = function (row) {
    this.attachMore(Infinity);
    var i = this.rows.indexOf(row);
    row.tr.remove();
    if (row.msg) row.msg.remove();
    this.rows.splice(i, 1);
    if (!this.rows.length) this.addRow(0, this.defaults(), null, true);
    this.renumber(i);
    this.edited();
    var next = this.rows[Math.min(i, this.rows.length - 1)];
    this.focus(next, "functional");
  };

  Grid.prototype.inherit = function (row) {
    var v = this.defaults();
    if (row) INHERIT.forEach(function (c) { v[c] = row.v[c]; });
    return v;
  };

  Grid.prototype.editable = function (c) { return !(this.isProject && c === "cost"); };

  Grid.prototype.focus = function (row, c) {
    if (!row.tr.isConnected) this.attachMore(Infinity);
    var input = row.inputs[c];
    input.focus();
    input.select();
  };

  Grid.prototype.edited = function () {
    this.edits++;
    this.scheduleTotals();
    if (this.options.onedit) this.options.onedit();
  };

  Object.defineProperty(Grid.prototype, "dirty", { get: function () { return this.edits !== this.savedEdits; } });

  Grid.prototype.touched = function (row) {
    this.check(row);
    this.paint(row);
    this.edited();
  };

  /* ---- the catalogue ---- */
  Grid.prototype.unitOf = function (value) {
    var code = codeOf(value), unit = this.units.get(code);
    if (unit) return unit;
    for (var u of this.units.values()) if (u.name === value) return u;
    return null;
  };

  Grid.prototype.govChoices = function (row) {
    var unit = this.unitOf(fold(row.v.unit)), pairs = this.C.p[codeOf(fold(row.v.dept))];
    if (!pairs) return [];
    return pairs[unit ? unit.scope : "行政"] || [];
  };

  Grid.prototype.sourceOf = function (value) {
    var s = this.C.s, keys = this.C.sk;
    if (/^\d+$/.test(value)) { var n = Number(value); return n >= 1 && n <= s.length ? n - 1 : -1; }
    var i = s.indexOf(value); if (i < 0) i = keys.indexOf(value);
    if (i >= 0) return i;
    var found = s.map(function (label, j) { return label.indexOf(value) >= 0 ? j : -1; }).filter(function (j) { return j >= 0; });
    return found.length === 1 ? found[0] : -1;
  };

  Grid.prototype.costOf = function (value, dept) {
    if (!value) return PERSONNEL[codeOf(dept).slice(0, 3)] ? "personnel" : "public";
    if (["人员", "人员经费", "personnel", "1"].indexOf(value) >= 0) return "personnel";
    if (["公用", "公用经费", "public", "2"].indexOf(value) >= 0) return "public";
    return null;
  };

  Grid.prototype.path = function (table, code) {
    return [3, 5].filter(function (n) { return n < code.length; }).map(function (n) { return code.slice(0, n); })
      .concat([code]).map(function (c) { return c + " " + (table[c] || ""); }).join(" › ");
  };

  Grid.prototype.autoGov = function (row) {
    if (fold(row.v.gov) && !row.autoGov) return;
    var choices = this.govChoices(row), value = choices.length === 1 ? choices[0] : "";
    row.autoGov = !!value;
    if (row.v.gov !== value) { row.v.gov = value; row.inputs.gov.value = value; delete row.srv.gov; }
  };

  /* ---- checks: the server's rules and texts, as typed ---- */
  Grid.prototype.check = function (row) {
    var M = this.M, C = this.C, v = {}, err = {}, self = this;
    COLS.forEach(function (c) { v[c] = fold(row.v[c]); });
    row.err = err;
    row.warn = {};
    if (row.fresh || blank(v)) return;
    REQUIRED.forEach(function (c) { if (!v[c]) err[c] = fill(M.required, { label: LABELS[c] }); });
    if (v.unit) {
      var unit = this.unitOf(v.unit);
      if (!unit) err.unit = fill(M.unknown_unit, { code: codeOf(v.unit) });
      else if (this.fixedUnit && unit.code !== this.fixedUnit) {
        err.unit = fill(M.project_unit, { unit: unit.name, project_unit: this.units.get(this.fixedUnit).name });
      }
    }
    [["functional", C.f, 7], ["dept", C.d, 5], ["gov", C.g, 5]].forEach(function (t) {
      var c = t[0], code = codeOf(v[c]);
      if (!v[c]) return;
      if (!(code in t[1])) err[c] = fill(M["unknown_" + c], { code: code });
      else if (code.length !== t[2] && !(c !== "functional" && code.length === 7 && self.local.has(code))) {
        // The whole path, as the server's message prints it: 210 卫生健康支出 › 21015 …
        var path = [3, 5].filter(function (n) { return n < code.length; }).map(function (n) { return code.slice(0, n); })
          .concat([code]).map(function (part) { return part in t[1] ? part + " " + t[1][part] : part; }).join(" › ");
        err[c] = fill(M[c + "_level"], { code: code, path: path });
      }
    });
    var dept = codeOf(v.dept), gov = codeOf(v.gov);
    if (v.dept && v.gov && !err.dept && !err.gov && !this.local.has(dept) && !this.local.has(gov)) {
      var pairs = C.p[dept] || {}, any = Object.keys(pairs).some(function (s) { return pairs[s].indexOf(gov) >= 0; });
      if (!any) err.gov = fill(M.pair, { dept: dept, dept_name: C.d[dept], gov: gov, gov_name: C.g[gov] });
      else if (this.govChoices(row).indexOf(gov) < 0) row.warn.gov = "该对应关系适用于另一类单位（行政/事业），请核对。";
    }
    if (v.source && this.sourceOf(v.source) < 0) err.source = fill(M.source, { value: v.source });
    if (!this.isProject && this.costOf(v.cost, v.dept) === null) err.cost = fill(M.cost, { value: v.cost });
    if (v.amount) { var a = parseAmount(v.amount); if (a.error) err.amount = M[a.error]; }
  };

  Grid.prototype.paint = function (row) {
    var C = this.C, v = {}, self = this, texts = [];
    COLS.forEach(function (c) { v[c] = fold(row.v[c]); });
    var names = {};
    var unit = v.unit && this.unitOf(v.unit);
    names.unit = unit ? [unit.name, unit.code + " " + unit.name] : ["", ""];
    [["functional", C.f], ["dept", C.d], ["gov", C.g]].forEach(function (t) {
      var code = codeOf(v[t[0]]);
      names[t[0]] = code in t[1] ? [t[1][code], self.path(t[1], code)] : ["", ""];
    });
    if (!v.gov && v.dept) {
      var choices = this.govChoices(row);
      if (choices.length > 1) names.gov = ["可选：" + choices.join("、"), choices.map(function (g) { return g + " " + C.g[g]; }).join("\n")];
    }
    var s = v.source ? this.sourceOf(v.source) : -1;
    names.source = s >= 0 ? [C.s[s], C.s[s]] : ["", ""];
    if (!this.isProject) {
      var cost = this.costOf(v.cost, v.dept), label = { personnel: "人员经费", public: "公用经费" }[cost] || "";
      names.cost = [v.cost ? label : (v.dept ? "默认" + label.slice(0, 2) : ""), label];
    } else names.cost = ["", ""];
    names.amount = ["", ""];
    COLS.forEach(function (c) {
      var message = row.srv[c] || row.err[c], warning = row.warn[c], input = row.inputs[c];
      if (message || warning) texts.push([c, message || warning, !message]);
      var key = [message, warning, names[c][0], names[c][1]].join("\u0001");
      if (row.shown[c] === key) return; // unchanged: no DOM work (a 1,000-row page paints once)
      row.shown[c] = key;
      input.classList.toggle("invalid", !!message);
      input.classList.toggle("warned", !message && !!warning);
      if (message) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
      input.title = message || warning || names[c][1];
      row.names[c].textContent = names[c][0];
      row.names[c].title = names[c][1];
    });
    if (row.srv._row) texts.push(["", row.srv._row, false]);
    this.paintMessages(row, texts);
  };

  Grid.prototype.paintMessages = function (row, texts) {
    if (!texts.length && !row.msg) return;
    if (!texts.length) { if (row.msg) { row.msg.remove(); row.msg = null; } row.tr.classList.remove("has-msg"); return; }
    if (!row.msg) {
      row.msg = document.createElement("tr");
      row.msg.className = "row-msg";
      row.msg.innerHTML = '<td></td><td colspan="8"></td>';
      row.tr.after(row.msg);
    }
    row.tr.classList.add("has-msg");
    var cell = row.msg.lastChild;
    cell.textContent = "";
    texts.forEach(function (t) {
      var span = document.createElement("span");
      span.className = t[2] ? "m warn" : "m";
      span.dataset.c = t[0];
      span.textContent = (t[0] ? LABELS[t[0]] + "：" : "") + t[1];
      cell.appendChild(span);
    });
  };

  /* ---- totals ---- */
  Grid.prototype.scheduleTotals = function () {
    var self = this;
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(function () { self.pending = false; self.paintTotals(); });
  };

  Grid.prototype.paintTotals = function () {
    var per = new Map(), self = this, own = 0, count = 0;
    function add(code, kind, cents) {
      if (!per.has(code)) per.set(code, { personnel: 0, public: 0, project: 0 });
      per.get(code)[kind] += cents;
    }
    this.outside.forEach(function (o) { add(o[0], o[1] === "project" ? "project" : o[2], parseAmount(o[3]).cents); });
    this.rows.forEach(function (row) {
      var unit = self.unitOf(fold(row.v.unit)), a = parseAmount(row.v.amount);
      if (!unit || a.error || row.fresh || blank(row.v)) return;
      var kind = self.isProject ? "project" : self.costOf(fold(row.v.cost), fold(row.v.dept));
      if (!kind) return;
      add(unit.code, kind, a.cents);
      own += a.cents;
      count++;
    });
    var body = this.totals.tBodies[0], sum = { personnel: 0, public: 0, project: 0 }, html = "";
    function cells(t) {
      return [t.personnel, t.public, t.personnel + t.public, t.project, t.personnel + t.public + t.project]
        .map(function (c) { return '<td class="num">' + money(c) + "</td>"; }).join("");
    }
    this.C.u.forEach(function (u) {
      var t = per.get(u[0]);
      if (!t) return;
      Object.keys(sum).forEach(function (k) { sum[k] += t[k]; });
      html += '<tr><th scope="row"></th>' + cells(t) + "</tr>";
    });
    body.innerHTML = html;
    var i = 0;
    this.C.u.forEach(function (u) { if (per.get(u[0])) body.rows[i++].firstChild.textContent = u[0] + " " + u[1]; });
    this.totals.tFoot.innerHTML = '<tr><th scope="row">合计</th>' + cells(sum) + "</tr>";
    var note = "本表 " + count + " 行，合计 " + money(own) + " 万元";
    if (this.declared !== null) {
      note += "；项目总额 " + money(this.declared) + " 万元" + (own === this.declared ? "，一致" : "，相差 " + money(Math.abs(own - this.declared)) + " 万元");
    }
    this.totals.caption ? (this.totals.caption.textContent = note) : (this.totals.createCaption().textContent = note);
    this.totalCents = own;
  };

  /* ---- events ---- */
  Grid.prototype.cell = function (e) {
    var input = e.target;
    if (!input.dataset || !input.dataset.c) return null;
    return { row: input.closest("tr")._row, c: input.dataset.c, input: input };
  };

  Grid.prototype.onInput = function (e) {
    var at = this.cell(e);
    if (!at) return;
    at.row.v[at.c] = at.input.value;
    this.unfresh(at.row);
    delete at.row.srv[at.c];
    delete at.row.srv._row;
    if (at.c === "gov") at.row.autoGov = false;
    if (at.c === "dept" || at.c === "unit") this.autoGov(at.row);
    this.touched(at.row);
    if (this.search) this.search.input(at.row, at.c, at.input);
  };

  /* A code chosen by name (grid-search.js): as if typed, then on like Enter. */
  Grid.prototype.choose = function (row, c, code) {
    row.inputs[c].value = code;
    row.v[c] = code;
    this.unfresh(row);
    delete row.srv[c];
    delete row.srv._row;
    if (c === "gov") row.autoGov = false;
    if (c === "dept") this.autoGov(row);
    this.touched(row);
    this.enter(row, c);
  };

  Grid.prototype.onChange = function (e) {
    var at = this.cell(e);
    if (!at) return;
    var value = fold(at.input.value);
    if (CODED[at.c] && /^\d+/.test(value) && at.c !== "unit") value = codeOf(value);
    if (at.c === "unit" && this.unitOf(value)) value = this.unitOf(value).code;
    if (at.c === "source" && value && this.sourceOf(value) >= 0) value = String(this.sourceOf(value) + 1);
    if (at.c === "amount" && value && !parseAmount(value).error) value = money(parseAmount(value).cents);
    if (value !== at.input.value) { at.input.value = value; at.row.v[at.c] = value; this.check(at.row); this.paint(at.row); }
  };

  Grid.prototype.move = function (row, c, dr, dc) {
    var i = this.rows.indexOf(row) + dr, j = COLS.indexOf(c) + dc;
    while (COLS[j] && !this.editable(COLS[j])) j += dc || 1;
    if (i < 0 || i >= this.rows.length || j < 0 || j >= COLS.length) return;
    this.focus(this.rows[i], COLS[j]);
  };

  /* Enter: the next cell of the row still to fill; at the end of a complete row, the next
   * row (a new one inherits the unit, 功能分类 and 资金来源). */
  Grid.prototype.enter = function (row, c) {
    for (var j = COLS.indexOf(c) + 1; j < COLS.length; j++) {
      if (REQUIRED.indexOf(COLS[j]) >= 0 && !fold(row.v[COLS[j]])) { this.focus(row, COLS[j]); return; }
    }
    var i = this.rows.indexOf(row), next = this.rows[i + 1] || this.addFresh(i + 1, row);
    this.focus(next, fold(next.v.unit) ? "functional" : "unit");
  };

  Grid.prototype.onKey = function (e) {
    var at = this.cell(e);
    if (!at) return;
    var input = at.input, key = e.key, ctrl = e.ctrlKey || e.metaKey;
    if (this.search && this.search.key(e)) { e.preventDefault(); return; }
    var all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (ctrl && (key === "s" || key === "S")) { e.preventDefault(); if (this.options.save) this.options.save(); }
    else if (ctrl && (key === "d" || key === "D")) { e.preventDefault(); this.duplicate(at.row, at.c); }
    else if (ctrl && key === "Delete") { e.preventDefault(); this.removeRow(at.row); }
    else if (key === "Enter" && !e.shiftKey) { e.preventDefault(); this.enter(at.row, at.c); }
    else if (key === "Enter" || key === "ArrowUp") { e.preventDefault(); this.move(at.row, at.c, -1, 0); }
    else if (key === "ArrowDown") { e.preventDefault(); this.move(at.row, at.c, 1, 0); }
    else if (key === "ArrowLeft" && (all || input.selectionEnd === 0)) { e.preventDefault(); this.move(at.row, at.c, 0, -1); }
    else if (key === "ArrowRight" && (all || input.selectionStart === input.value.length)) { e.preventDefault(); this.move(at.row, at.c, 0, 1); }
  };

  Grid.prototype.duplicate = function (row, c) {
    var copy = this.addRow(this.rows.indexOf(row) + 1, row.v);
    this.focus(copy, c || "functional");
  };

  Grid.prototype.onClick = function (e) {
    var button = e.target.closest("button[data-a]");
    if (!button) return;
    var row = button.closest("tr")._row;
    if (button.dataset.a === "copy") this.duplicate(row, "functional"); else this.removeRow(row);
  };

  Grid.prototype.onPaste = function (e) {
    var at = this.cell(e), text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    if (!at || !/[\t\n]/.test(text.replace(/[\r\n]+$/, ""))) return;
    e.preventDefault();
    this.pasteBlock(at.row, at.c, text);
  };

  Grid.prototype.pasteBlock = function (row, c, text) {
    var lines = parseTSV(text).filter(function (cells) { return cells.some(function (x) { return fold(x); }); });
    if (lines.length > 1 && !lines[0].some(function (x) { return /\d/.test(x); })) lines.shift(); // a header row
    var start = this.rows.indexOf(row), col = COLS.indexOf(c), self = this;
    this.attachMore(Infinity);
    lines.forEach(function (cells, k) {
      var target = self.rows[start + k] || self.addRow(start + k, self.defaults(), null, true);
      var govGiven = false;
      cells.forEach(function (raw, j) {
        var name = COLS[col + j];
        if (!name || !self.editable(name)) return;
        var value = fold(raw);
        if (CODED[name] && /^\d+/.test(value) && name !== "unit") value = codeOf(value);
        if (name === "unit" && self.unitOf(codeOf(value))) value = self.unitOf(codeOf(value)).code;
        if (name === "source" && value && self.sourceOf(value) >= 0) value = String(self.sourceOf(value) + 1);
        if (name === "gov") govGiven = !!value;
        target.v[name] = value;
        target.inputs[name].value = value;
        target.srv = {};
      });
      self.unfresh(target);
      if (self.fixedUnit && !fold(target.v.unit)) { target.v.unit = self.fixedUnit; target.inputs.unit.value = self.fixedUnit; }
      target.autoGov = !govGiven && target.autoGov;
      if (!govGiven) self.autoGov(target);
      self.check(target);
      self.paint(target);
    });
    this.edited();
    if (this.options.status) this.options.status("已粘贴 " + lines.length + " 行，请核对后保存。");
  };

  /* ---- what the page script uses ---- */
  Grid.prototype.snapshot = function () {
    return this.rows.filter(function (row) { return !row.fresh; }).map(function (row) {
      var payload = { id: row.id };
      COLS.forEach(function (c) { payload[c] = row.v[c]; });
      return { row: row, payload: payload };
    });
  };

  Grid.prototype.errorCount = function () {
    return this.rows.reduce(function (n, row) { return n + Object.keys(row.err).length; }, 0);
  };

  Grid.prototype.saved = function (sent, ids, edits) {
    sent.forEach(function (s, i) { s.row.id = ids[i]; s.row.srv = {}; });
    this.savedEdits = edits;
    var self = this;
    this.rows.forEach(function (row) { self.paint(row); });
  };

  /* The server's problems on the rows they name (the rows as they were sent). */
  Grid.prototype.showProblems = function (sent, problems, warnings) {
    var self = this, first = null;
    this.rows.forEach(function (row) { row.srv = {}; });
    (problems || []).forEach(function (p) {
      var target = sent[p.row];
      if (!target) return;
      target.row.srv[p.field || "_row"] = p.message;
      if (!first) first = [target.row, p.field];
    });
    (warnings || []).forEach(function (p) { var t = sent[p.row]; if (t) t.row.srv._row = "提示：" + p.message; });
    this.rows.forEach(function (row) { self.paint(row); });
    if (first && first[1] && first[0].inputs[first[1]]) this.focus(first[0], first[1]);
  };

  Grid.prototype.setFixedUnit = function (code) {
    var old = this.fixedUnit, self = this;
    this.fixedUnit = code || null;
    this.rows.forEach(function (row) {
      if (!fold(row.v.unit) || row.v.unit === old) { row.v.unit = code || ""; row.inputs.unit.value = code || ""; }
      self.autoGov(row); self.check(row); self.paint(row);
    });
    this.scheduleTotals();
  };

  Grid.prototype.setDeclared = function (text) {
    var a = text ? parseAmount(text) : { cents: null };
    this.declared = a.error ? null : a.cents;
    this.scheduleTotals();
  };

  window.BudgetGrid = {
    create: function (root, data, options) { return new Grid(root, data, options); },
    parseTSV: parseTSV,
    parseAmount: parseAmount,
    money: money
  };
})();
