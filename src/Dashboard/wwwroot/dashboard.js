// NasOrleans dashboard: live progress (polls the JSON under the dashboard's prefix) and the plots (uPlot).
(function () {
  'use strict';
  var POLL_MS = 1500;

  function fmt(v) {
    if (v === null || v === undefined) { return '\u2014'; }
    if (typeof v !== 'number') { return String(v); }
    if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) { return v.toExponential(3); }
    return String(Math.round(v * 10000) / 10000);
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; });
  }

  // Sets every [data-live=KEY] under root to progress[KEY].
  function apply(root, progress) {
    root.querySelectorAll('[data-live]').forEach(function (el) {
      var key = el.getAttribute('data-live');
      if (!(key in progress)) { return; }
      var value = key === 'best' ? fmt(progress[key]) : (progress[key] === null ? '' : String(progress[key]));
      if (el.textContent !== value) { el.textContent = value; }
      if (key === 'status') { el.className = 'status status-' + value; }
    });
  }

  function poll(url, onData) {
    var polls = 0;
    function tick() {
      getJson(url).then(function (data) {
        polls++;
        document.body.setAttribute('data-polls', String(polls));
        return data !== null && onData(data);
      }).catch(function () { return true; }).then(function (again) {
        if (again !== false) { setTimeout(tick, POLL_MS); }
      });
    }
    setTimeout(tick, POLL_MS);
  }

  function liveStudy(section) {
    if (section.querySelector('[data-live=status]').textContent !== 'running') { return; }
    poll(section.getAttribute('data-live-url'), function (p) {
      apply(section, p);
      var record = document.getElementById('record');
      if (record) { apply(record, p); }
      if (p.status !== 'running') {
        var cancel = document.getElementById('cancel');
        if (cancel) { cancel.disabled = true; }
        charts();
        return false;
      }
      return true;
    });
  }

  function liveStudies(table) {
    var running = function () { return table.querySelector('[data-live=status].status-running') !== null; };
    if (!running()) { return; }
    poll(table.getAttribute('data-live-url'), function (list) {
      list.forEach(function (p) {
        var row = table.querySelector('tr[data-study="' + CSS.escape(p.id) + '"]');
        if (row) { apply(row, p); }
      });
      return running();
    });
  }

  // Axis ticks short enough not to overlap (1.2e+9, not 1,200,000,000).
  function ticks(u, splits) {
    return splits.map(function (v) {
      return v === null ? '' : (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) ? v.toExponential(1) : String(Math.round(v * 1000) / 1000);
    });
  }

  function width(el) { return Math.max(320, Math.min(el.clientWidth || 900, 1100)); }

  function plot(el, title, xLabel, yLabel, series, data) {
    var opts = {
      title: title, width: width(el), height: 260,
      scales: { x: { time: false } },
      series: [{ label: xLabel }].concat(series),
      axes: [{ label: xLabel, values: ticks }, { label: yLabel, values: ticks, size: 60 }],
    };
    return new uPlot(opts, data, el);
  }

  var COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2'];

  function drawBest(el, c) {
    el.textContent = '';
    if (c.best.x.length === 0) { return; }
    var stepped = uPlot.paths && uPlot.paths.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined;
    plot(el, 'Best ' + c.objective + ' so far (' + c.direction + ')', 'trial', c.objective,
      [{ label: 'best ' + c.objective, stroke: COLORS[0], width: 2, paths: stepped }], [c.best.x, c.best.y]);
  }

  function drawScatter(host, c) {
    host.textContent = '';
    c.scatter.forEach(function (s) {
      var el = document.createElement('div');
      el.className = 'chart scatter';
      el.setAttribute('data-metric', s.metric);
      host.appendChild(el);
      var pts = s.points.slice().sort(function (a, b) { return a[0] - b[0]; });
      var front = {};
      s.front.forEach(function (f) { front[f[2]] = true; });
      var xs = pts.map(function (p) { return p[0]; });
      var all = pts.map(function (p) { return p[1]; });
      var onFront = pts.map(function (p) { return front[p[2]] ? p[1] : null; });
      plot(el, c.objective + ' against ' + s.metric + ' (Pareto front: lower ' + s.metric + ', better ' + c.objective + ')', s.metric, c.objective, [
        { label: 'trials', stroke: '#94a3b8', paths: function () { return null; }, points: { show: true, size: 5, fill: '#94a3b8' } },
        { label: 'Pareto front', stroke: '#dc2626', width: 2, spanGaps: true, points: { show: true, size: 7, fill: '#dc2626' } },
      ], [xs, all, onFront]);
    });
  }

  function drawCurves(el, c) {
    el.textContent = '';
    if (!c.curves.metric || c.curves.trials.length === 0) { return; }
    var steps = {};
    c.curves.trials.forEach(function (t) { t.steps.forEach(function (s) { steps[s] = true; }); });
    var xs = Object.keys(steps).map(Number).sort(function (a, b) { return a - b; });
    var data = [xs];
    var series = c.curves.trials.map(function (t, i) {
      var at = {};
      t.steps.forEach(function (s, j) { at[s] = t.values[j]; });
      data.push(xs.map(function (x) { return x in at ? at[x] : null; }));
      return { label: 'trial ' + t.trial, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: true };
    });
    plot(el, 'Learning curves of the best trials (' + c.curves.metric + ')', 'step', c.curves.metric, series, data);
  }

  function charts() {
    var section = document.getElementById('charts');
    if (!section || typeof uPlot === 'undefined') { return; }
    getJson(section.getAttribute('data-charts-url')).then(function (c) {
      var note = document.getElementById('charts-note');
      if (c === null) { note.textContent = 'The plots could not be loaded.'; return; }
      note.textContent = c.sampled === 0 ? 'No completed trials yet.'
        : 'From ' + c.sampled + ' completed trials' + (c.complete ? '.' : ' (the first and the best ones of a larger study).');
      drawBest(document.getElementById('chart-best'), c);
      drawScatter(document.getElementById('chart-scatter'), c);
      drawCurves(document.getElementById('chart-curves'), c);
      section.setAttribute('data-drawn', 'true');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('summary');
    if (summary) { liveStudy(summary); }
    var studies = document.getElementById('studies');
    if (studies) { liveStudies(studies); }
    charts();
  });
})();
