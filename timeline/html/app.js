(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var SVGNS = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var palette = ["#2459c7", "#e07a10", "#1e9e6a", "#8e44ad", "#c0392b", "#0f8fa8", "#b7950b", "#d35486", "#5d6d7e", "#6b8e23", "#a0522d", "#3b3b98", "#17becf", "#ff7f0e", "#7f7f7f", "#bcbd22", "#9edae5", "#e377c2", "#393b79", "#8c6d31"];
  var MAX_LANES = 14, MAX_ROWS = 6; // rows per lane before marks overlap

  var events = data.events.map(function (e, i) {
    var b = Date.parse(e.begin);
    var end = e.end ? Date.parse(e.end) : NaN;
    if (isNaN(end)) end = stepEnd(b, e.gran); // an open interval ("since 1988") is drawn as its own period
    return Object.assign({ idx: i, t0: b, t1: end, year: new Date(b).getUTCFullYear(), people: e.actors.concat(e.recipients || []).filter(function (a, k, all) { return all.indexOf(a) === k; }), nsrc: e.sources.length + (e.moreSources || 0) }, e);
  });
  var byID = {};
  events.forEach(function (e) { byID[e.id] = e; });

  var types = count(events, function (e) { return [e.type]; });
  var actors = count(events, function (e) { return e.people; });
  var color = {};
  types.forEach(function (t, i) { color[t.key] = palette[i % palette.length]; });

  var $ = function (id) { return document.getElementById(id); };
  var lanesSel = $("lanes"), actorSel = $("actor"), fromIn = $("from"), toIn = $("to"), qIn = $("q");
  var svg = $("svg"), tip = $("tip"), details = $("details");
  var selected = null;

  // summary and controls
  var nSources = 0, nConflicts = 0;
  events.forEach(function (e) { nSources += e.nsrc; if (e.conflicts) nConflicts++; });
  var span = events.length ? (events[0].value + " – " + events[events.length - 1].value) : "no events";
  $("summary").textContent = plural(events.length, "event") + " from " + plural(data.documents, "document") + " · " +
    plural(nSources, "report") + " · " + plural(nConflicts, "event") + " with conflicting dates · " + span;
  actors.forEach(function (a) {
    var o = document.createElement("option");
    o.value = a.key; o.textContent = a.key + " (" + a.n + ")";
    actorSel.appendChild(o);
  });
  var withActors = events.filter(function (e) { return e.people.length; }).length;
  var years = {}; events.forEach(function (e) { years[e.year] = 1; });
  lanesSel.value = withActors * 10 >= events.length * 3 ? "actor" : (Object.keys(years).length > 1 ? "year" : "type");
  types.forEach(function (t) {
    var s = document.createElement("span"), i = document.createElement("i");
    i.style.background = color[t.key];
    s.appendChild(i); s.appendChild(document.createTextNode(t.key));
    $("legend").appendChild(s);
  });
  var legendConflict = document.createElement("span"), ci = document.createElement("i");
  ci.style.border = "2px solid #d92d20"; ci.style.background = "#fff";
  legendConflict.appendChild(ci); legendConflict.appendChild(document.createTextNode("conflicting dates"));
  $("legend").appendChild(legendConflict);

  [lanesSel, actorSel, fromIn, toIn].forEach(function (el) { el.addEventListener("change", draw); });
  qIn.addEventListener("input", draw);
  $("reset").addEventListener("click", function () { actorSel.value = ""; fromIn.value = ""; toIn.value = ""; qIn.value = ""; draw(); });
  window.addEventListener("resize", draw);

  function filtered() {
    var a = actorSel.value, from = fromIn.value ? Date.parse(fromIn.value) : -Infinity, to = toIn.value ? Date.parse(toIn.value) + DAY : Infinity;
    var q = qIn.value.trim().toLowerCase();
    return events.filter(function (e) {
      if (a && e.people.indexOf(a) < 0) return false;
      if (e.t1 <= from || e.t0 >= to) return false;
      if (q && e.sentence.toLowerCase().indexOf(q) < 0) return false;
      return true;
    });
  }

  function lanesOf(evs, mode) {
    var keyOf, lanes = [];
    if (mode === "year") {
      keyOf = function (e) { return [String(e.year)]; };
      var ys = {}; evs.forEach(function (e) { ys[e.year] = 1; });
      lanes = Object.keys(ys).sort(function (x, y) { return x - y; });
    } else if (mode === "type") {
      keyOf = function (e) { return [e.type]; };
      lanes = count(evs, keyOf).map(function (c) { return c.key; });
    } else {
      keyOf = function (e) { return e.people.length ? e.people : ["(no actor)"]; };
      var cs = count(evs, keyOf).map(function (c) { return c.key; }).filter(function (k) { return k !== "(no actor)"; });
      lanes = cs.slice(0, MAX_LANES);
      if (cs.length > MAX_LANES) lanes.push("(other actors)");
      if (evs.some(function (e) { return !e.people.length; })) lanes.push("(no actor)");
    }
    var index = {}; lanes.forEach(function (l, i) { index[l] = i; });
    return { lanes: lanes, of: function (e) {
      var out = [];
      keyOf(e).forEach(function (k) {
        var i = index[k];
        if (i === undefined) i = index["(other actors)"];
        if (i !== undefined && out.indexOf(i) < 0) out.push(i);
      });
      return out;
    } };
  }

  function draw() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var evs = filtered(), mode = lanesSel.value;
    $("count").textContent = "(" + evs.length + " of " + events.length + ")";
    fillTable(evs);
    var width = Math.max(600, svg.parentNode.clientWidth - 24);
    var left = 150, right = 20, top = 30, rowH = 10;
    if (!evs.length) {
      svg.setAttribute("width", width); svg.setAttribute("height", 80);
      text(svg, width / 2, 40, "No event matches the filters.", "empty", "middle");
      return;
    }
    var L = lanesOf(evs, mode);
    // x scale: the whole span, or the days of one year in year lanes
    var x, ticks;
    var plotW = width - left - right;
    if (mode === "year") {
      x = function (t, e) { var y0 = Date.UTC(e.year, 0, 1), y1 = Date.UTC(e.year + 1, 0, 1); return left + plotW * Math.max(0, Math.min(1, (t - y0) / (y1 - y0))); };
      ticks = [];
      for (var m = 0; m < 12; m++) ticks.push({ x: left + plotW * m / 12, label: new Date(Date.UTC(2001, m, 1)).toLocaleString("en", { month: "short", timeZone: "UTC" }) });
    } else {
      var lo = Infinity, hi = -Infinity;
      evs.forEach(function (e) { lo = Math.min(lo, e.t0); hi = Math.max(hi, Math.min(e.t1, e.t0 + 366 * DAY)); });
      var pad = Math.max((hi - lo) * 0.02, DAY);
      lo -= pad; hi += pad;
      x = function (t) { return left + plotW * (t - lo) / (hi - lo); };
      ticks = timeTicks(lo, hi).map(function (t) { return { x: x(t.t), label: t.label }; });
    }
    // place marks in rows within each lane so they do not cover each other
    var laneRows = L.lanes.map(function () { return []; });
    var marks = [];
    evs.forEach(function (e) {
      var x0 = x(e.t0, e), x1 = x(Math.min(e.t1, mode === "year" ? Date.UTC(e.year + 1, 0, 1) : e.t1), e);
      var coarse = ["day", "partofday", "hour", "minute", "second"].indexOf(e.gran) < 0;
      var r = Math.min(9, 4 + Math.log2(e.nsrc));
      var a = coarse ? x0 : x0 - r, b = coarse ? Math.max(x1, x0 + 4) : x0 + r;
      L.of(e).forEach(function (li) {
        var rows = laneRows[li], row = 0;
        while (row < rows.length && rows[row] > a - 2) row++;
        if (row >= MAX_ROWS) { // full: overlap in the row that frees first
          row = 0;
          for (var k = 1; k < rows.length; k++) if (rows[k] < rows[row]) row = k;
        }
        rows[row] = b;
        marks.push({ e: e, lane: li, row: row, x0: x0, x1: x1, r: r, coarse: coarse });
      });
    });
    var laneY = [], y = top;
    L.lanes.forEach(function (l, i) { laneY.push(y); y += Math.max(1, laneRows[i].length) * rowH * 2 + 8; });
    var height = y + 10;
    svg.setAttribute("width", width); svg.setAttribute("height", height);
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    // lanes
    L.lanes.forEach(function (l, i) {
      var h = Math.max(1, laneRows[i].length) * rowH * 2 + 8;
      el(svg, "rect", { x: 0, y: laneY[i], width: width, height: h, "class": "lane-bg" + (i % 2 ? " alt" : "") });
      var label = text(svg, left - 10, laneY[i] + Math.min(h, rowH * 2 + 8) / 2 + 4, clip(l, 22), "lane-label", "end");
      title(label, l);
    });
    // axis
    var axis = el(svg, "g", { "class": "axis" });
    ticks.forEach(function (t) {
      el(axis, "line", { x1: t.x, x2: t.x, y1: top - 6, y2: height - 10 });
      text(axis, t.x + 3, top - 10, t.label, "", "start");
    });
    // events
    marks.forEach(function (m) {
      var cy = laneY[m.lane] + 4 + m.row * rowH * 2 + rowH, node;
      var cls = "ev" + (m.coarse ? " coarse" : "") + (m.e.conflicts ? " conflicted" : "") + (selected === m.e ? " selected" : "");
      if (m.coarse) {
        node = el(svg, "rect", { x: m.x0, y: cy - 7, width: Math.max(4, m.x1 - m.x0), height: 14, rx: 4, "class": cls });
      } else {
        node = el(svg, "circle", { cx: m.x0, cy: cy, r: m.r, "class": cls });
      }
      node.style.fill = color[m.e.type];
      node.setAttribute("data-id", m.e.id);
      node.addEventListener("mousemove", function (ev) { showTip(m.e, ev); });
      node.addEventListener("mouseleave", function () { tip.hidden = true; });
      node.addEventListener("click", function () { select(m.e); });
    });
    // coarse bars behind points
    Array.prototype.slice.call(svg.querySelectorAll("rect.ev")).forEach(function (n) { svg.insertBefore(n, axis.nextSibling); });
  }

  function showTip(e, ev) {
    tip.textContent = "";
    var b = document.createElement("b");
    b.textContent = e.value + " · " + e.type + (e.people.length ? " · " + e.people.join(", ") : "");
    tip.appendChild(b);
    tip.appendChild(document.createElement("br"));
    tip.appendChild(document.createTextNode(clip(e.sentence, 260)));
    var s = document.createElement("div");
    s.style.opacity = ".75"; s.style.marginTop = "4px";
    s.textContent = plural(e.nsrc, "source") + (e.conflicts ? " · conflicting dates: " + e.conflicts.map(function (c) { return c.date; }).join(", ") : "");
    tip.appendChild(s);
    tip.hidden = false;
    var x = ev.clientX + 14, y = ev.clientY + 14;
    if (x + 430 > window.innerWidth) x = ev.clientX - 434;
    if (y + tip.offsetHeight > window.innerHeight) y = ev.clientY - tip.offsetHeight - 10;
    tip.style.left = Math.max(4, x) + "px"; tip.style.top = Math.max(4, y) + "px";
  }

  function select(e) {
    selected = e;
    if (history.replaceState) history.replaceState(null, "", "#event=" + encodeURIComponent(e.id));
    Array.prototype.forEach.call(document.querySelectorAll(".selected"), function (n) { n.classList.remove("selected"); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-id="' + cssEscape(e.id) + '"]'), function (n) { n.classList.add("selected"); });
    details.textContent = "";
    add(details, "h3", e.value + (e.mod ? " (" + e.mod + ")" : ""));
    add(details, "p", e.gran + " · " + e.type + " · " + e.id, "meta");
    if (e.people.length) {
      add(details, "p", "Actors: " + e.actors.join(", ") + (e.recipients && e.recipients.length ? " → " + e.recipients.join(", ") : ""));
    }
    var q = add(details, "blockquote", "");
    var a = e.dateAt[0], b = e.dateAt[1], s = e.sentence;
    if (a >= 0 && b <= s.length && a < b) {
      q.appendChild(document.createTextNode(s.slice(0, a)));
      add(q, "mark", s.slice(a, b));
      q.appendChild(document.createTextNode(s.slice(b)));
    } else {
      q.textContent = s;
    }
    if (e.trigger) add(details, "p", "Trigger: " + e.trigger, "meta");
    add(details, "h2", plural(e.nsrc, "source"));
    var ul = add(details, "ul", "");
    e.sources.forEach(function (src) {
      var li = add(ul, "li", "");
      var label = src.title ? src.title + " — " + src.doc : src.doc;
      if (src.url && /^https?:\/\//i.test(src.url)) {
        var link = add(li, "a", label); link.href = src.url; link.target = "_blank"; link.rel = "noopener noreferrer";
      } else {
        li.appendChild(document.createTextNode(label));
      }
      if (src.dct) li.appendChild(document.createTextNode(" (" + src.dct + ")"));
    });
    if (e.moreSources) add(ul, "li", "… and " + e.moreSources + " more (see the json, jsonl or csv output)", "meta");
    if (e.conflicts) {
      add(details, "h2", "Conflicting dates", "conflict");
      var cl = add(details, "ul", "");
      e.conflicts.forEach(function (c) {
        var li = add(cl, "li", "");
        var other = byID[c.event];
        var link = add(li, "a", c.date + " — " + (other ? clip(other.sentence, 80) : c.event));
        link.href = "#";
        link.addEventListener("click", function (ev) { ev.preventDefault(); if (other) select(other); });
      });
    }
  }

  function fillTable(evs) {
    var tb = $("table").tBodies[0];
    tb.textContent = "";
    evs.slice(0, 1000).forEach(function (e) {
      var tr = document.createElement("tr");
      if (selected === e) tr.className = "selected";
      tr.setAttribute("data-id", e.id);
      add(tr, "td", e.value, "date");
      add(tr, "td", e.type);
      add(tr, "td", e.people.join(", "));
      add(tr, "td", clip(e.sentence, 180));
      add(tr, "td", String(e.nsrc) + (e.conflicts ? " ⚠" : ""));
      tr.addEventListener("click", function () { select(e); });
      tb.appendChild(tr);
    });
    if (evs.length > 1000) {
      var tr = document.createElement("tr"), td = add(tr, "td", "… and " + (evs.length - 1000) + " more: narrow the filters.");
      td.colSpan = 5; tb.appendChild(tr);
    }
  }

  function timeTicks(lo, hi) {
    var span = hi - lo, out = [], d;
    var years = span / (365.25 * DAY);
    if (years > 2) {
      var stepY = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].filter(function (s) { return years / s <= 12; })[0] || 1000;
      var y0 = Math.ceil(new Date(lo).getUTCFullYear() / stepY) * stepY;
      for (var y = y0; Date.UTC(y, 0, 1) <= hi; y += stepY) if (Date.UTC(y, 0, 1) >= lo) out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
    } else if (span > 45 * DAY) {
      var months = span / (30.44 * DAY), stepM = [1, 2, 3, 6].filter(function (s) { return months / s <= 12; })[0] || 12;
      d = new Date(lo);
      var m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      for (; m <= hi; ) {
        var md = new Date(m);
        if (md.getUTCMonth() % stepM === 0) out.push({ t: m, label: md.toLocaleString("en", { month: "short", year: "numeric", timeZone: "UTC" }) });
        m = Date.UTC(md.getUTCFullYear(), md.getUTCMonth() + 1, 1);
      }
    } else {
      var days = span / DAY, stepD = [1, 2, 7, 14].filter(function (s) { return days / s <= 14; })[0] || 30;
      d = new Date(lo);
      for (var t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1); t <= hi; t += stepD * DAY) {
        out.push({ t: t, label: new Date(t).toLocaleString("en", { month: "short", day: "numeric", timeZone: "UTC" }) });
      }
    }
    return out;
  }

  function stepEnd(t, gran) {
    var d = new Date(t), y = d.getUTCFullYear(), m = d.getUTCMonth();
    switch (gran) {
      case "millennium": return Date.UTC(y + 1000, 0, 1);
      case "century": return Date.UTC(y + 100, 0, 1);
      case "decade": return Date.UTC(y + 10, 0, 1);
      case "year": return Date.UTC(y + 1, 0, 1);
      case "half": return Date.UTC(y, m + 6, 1);
      case "season": case "quarter": return Date.UTC(y, m + 3, 1);
      case "month": return Date.UTC(y, m + 1, 1);
      case "week": return t + 7 * DAY;
    }
    return t + DAY;
  }
  function count(list, keys) {
    var m = {};
    list.forEach(function (e) { keys(e).forEach(function (k) { m[k] = (m[k] || 0) + 1; }); });
    return Object.keys(m).map(function (k) { return { key: k, n: m[k] }; }).sort(function (a, b) { return b.n - a.n || (a.key < b.key ? -1 : 1); });
  }
  function el(parent, name, attrs) {
    var n = document.createElementNS(SVGNS, name);
    for (var k in attrs) n.setAttribute(k, attrs[k]);
    parent.appendChild(n);
    return n;
  }
  function text(parent, x, y, s, cls, anchor) {
    var n = el(parent, "text", { x: x, y: y, "text-anchor": anchor || "start" });
    if (cls) n.setAttribute("class", cls);
    n.textContent = s;
    return n;
  }
  function title(node, s) { var t = document.createElementNS(SVGNS, "title"); t.textContent = s; node.appendChild(t); }
  function add(parent, tag, s, cls) {
    var n = document.createElement(tag);
    if (s) n.textContent = s;
    if (cls) n.className = cls;
    parent.appendChild(n);
    return n;
  }
  function clip(s, n) { s = String(s).replace(/\s+/g, " "); return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function plural(n, w) { return n + " " + w + (n === 1 ? "" : "s"); }
  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, "\\$&"); }

  draw();
  var fromHash = /^#event=(.+)$/.exec(location.hash);
  if (fromHash && byID[decodeURIComponent(fromHash[1])]) select(byID[decodeURIComponent(fromHash[1])]);
})();
