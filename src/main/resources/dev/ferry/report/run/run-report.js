(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('run-data').textContent);
  const S = data.series;
  const charts = [];

  function column(name, c) {
    const s = S[name];
    const i = s.columns.indexOf(c);
    return s.rows.map(r => r[i]);
  }
  function where(name, c, v) {
    const s = S[name];
    const i = s.columns.indexOf(c);
    return s.rows.filter(r => r[i] === v);
  }
  function pairs(rows, s, x, y) {
    return rows.map(r => [r[S[s].columns.indexOf(x)], r[S[s].columns.indexOf(y)]]);
  }
  function chart(id, option) {
    const el = document.getElementById(id);
    if (!el) {
      return null;
    }
    const c = echarts.getInstanceByDom(el) || echarts.init(el);
    c.setOption(Object.assign({animation: false, tooltip: {trigger: 'axis'}, legend: {type: 'scroll'},
      grid: {left: 60, right: 30, top: 40, bottom: 50}}, option), true);
    if (!document.body.dataset.firstChartMs) {
      document.body.dataset.firstChartMs = String(Math.round(performance.now()));
    }
    if (!charts.includes(c)) {
      charts.push(c);
    }
    return c;
  }
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));

  const hourAxis = {type: 'value', name: 'virtual hour', nameLocation: 'middle', nameGap: 28, min: 0,
    max: Math.ceil(data.hours)};
  function line(name, points, extra) {
    return Object.assign({name, type: 'line', showSymbol: false, data: points}, extra || {});
  }
  /** Outages shaded and node losses as vertical lines, on the first series of an hourly chart. */
  function faultMarks() {
    if (!S.faults) {
      return {};
    }
    const outages = where('faults', 'kind', 'outage').map(r => [{name: r[1] + ' API down', xAxis: r[3]},
      {xAxis: r[4]}]);
    const seen = new Set();
    const losses = [];
    where('faults', 'kind', 'node_loss').forEach(r => {
      const key = r[1] + '@' + r[3];
      if (!seen.has(key)) {
        seen.add(key);
        losses.push({name: r[1] + ': ' + r[2] + ' lost', xAxis: r[3]});
      }
    });
    return {
      markArea: {silent: true, itemStyle: {color: 'rgba(207,34,46,0.12)'}, label: {color: '#cf222e'}, data: outages},
      markLine: {silent: true, symbol: 'none', label: {show: false},
        lineStyle: {color: '#cf222e', type: 'dotted', width: 1}, data: losses}
    };
  }

  function drawDisruption() {
    chart('chart-cdf', {
      tooltip: {trigger: 'axis', valueFormatter: v => (100 * v).toFixed(1) + '%'},
      xAxis: {type: 'value', name: 'seconds of disruption per session', nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'value', min: 0, max: 1, name: 'share of sessions'},
      series: ['user_visible', 'total'].map(k => line(k === 'user_visible' ? 'user-visible' : 'total',
        pairs(where('disruption_cdf', 'series', k), 'disruption_cdf', 'seconds', 'share_of_sessions'),
        {step: 'end'}))
    });
  }

  function drawMigration() {
    if (!data.migration) {
      return;
    }
    const hours = column('migration_hourly', 'hour');
    const states = ['on_source', 'migrating', 'waiting_for_capacity', 'done', 'rolled_back'];
    chart('chart-states', {
      xAxis: hourAxis, yAxis: {type: 'value', name: 'sessions'},
      series: states.map((s, k) => line(s.replace(/_/g, ' '),
        hours.map((h, i) => [h, column('migration_hourly', s)[i]]),
        Object.assign({stack: 'sessions', areaStyle: {}}, k === 0 ? faultMarks() : {})))
    });
    const scopes = ['all'].concat(data.clusters);
    const inflight = [];
    scopes.forEach((scope, k) => {
      const rows = where('in_flight_hourly', 'scope', scope);
      const label = scope === 'all' ? 'all clusters' : scope;
      inflight.push(line(label + ' peak', pairs(rows, 'in_flight_hourly', 'hour', 'peak_in_flight'),
        k === 0 ? faultMarks() : {}));
      if (scope === 'all' || !inflight.some(s => s.name === 'limit per cluster')) {
        inflight.push(line(scope === 'all' ? 'limit, all clusters' : 'limit per cluster',
          pairs(rows, 'in_flight_hourly', 'hour', 'limit'), {lineStyle: {type: 'dashed', width: 2}}));
      }
    });
    chart('chart-inflight', {xAxis: hourAxis, yAxis: {type: 'value', name: 'migrations in flight'},
      series: inflight});
    const resources = [['chart-cpu', 'cpu', 'cores'], ['chart-memory', 'memory', 'GiB'], ['chart-gpu', 'gpu', 'GPUs']];
    resources.forEach(([id, r, unit]) => {
      const used = r === 'gpu' ? 'gpu_used' : r + '_used_' + (r === 'cpu' ? 'cores' : 'gib');
      const cap = r === 'gpu' ? 'gpu_capacity' : r + '_capacity_' + (r === 'cpu' ? 'cores' : 'gib');
      const series = [];
      data.clusters.forEach((c, k) => {
        const rows = where('cluster_load_hourly', 'cluster', c);
        series.push(line(c + ' in use', pairs(rows, 'cluster_load_hourly', 'hour', used), k === 0 ? faultMarks() : {}));
        series.push(line(c + ' capacity', pairs(rows, 'cluster_load_hourly', 'hour', cap),
          {lineStyle: {type: 'dashed'}}));
      });
      chart(id, {title: {text: r.toUpperCase() + ' (' + unit + ')', left: 'center', textStyle: {fontSize: 13}},
        legend: {type: 'scroll', top: 20}, grid: {left: 60, right: 30, top: 60, bottom: 50},
        xAxis: hourAxis, yAxis: {type: 'value', name: unit}, series});
    });
    const apiSum = c => hours.map(h => [h, where('api_hourly', 'hour', h)
      .reduce((sum, r) => sum + r[S.api_hourly.columns.indexOf(c)], 0)]);
    chart('chart-api', {xAxis: hourAxis, yAxis: {type: 'value', name: 'per hour'},
      series: [line('API requests', apiSum('requests'), faultMarks()), line('injected errors', apiSum('errors_injected')),
        line('refused by outage', apiSum('refused_by_outage')),
        line('unschedulable attempts', apiSum('unschedulable_attempts'))]});
  }

  function histogram(id, name, unit) {
    const s = S[name];
    chart(id, {
      xAxis: {type: 'category', name: unit, nameLocation: 'middle', nameGap: 28,
        data: s.rows.map(r => (+r[0].toFixed(2)) + '–' + (+r[1].toFixed(2)))},
      yAxis: {type: 'value', name: s.columns[2]},
      series: [{name: s.columns[2], type: 'bar', data: s.rows.map(r => r[2])}]
    });
  }

  function drawCoalescing() {
    histogram('chart-latency', 'latency_histogram', 'ms');
    histogram('chart-amplification', 'checkpoints_per_operation', 'checkpoints per state-changing command');
    chart('chart-restarts', {xAxis: {type: 'category', data: column('restarts_by_cause', 'cause')},
      yAxis: {type: 'value', name: 'stops'},
      series: [{name: 'stops', type: 'bar', data: column('restarts_by_cause', 'restarts')}]});
  }

  drawDisruption();
  drawMigration();
  drawCoalescing();
  document.body.dataset.chartsDrawnMs = String(Math.round(performance.now()));
  document.body.dataset.chartsDrawn = 'true';

  // ---- one session's timeline, decoded from the embedded array when a session is first picked ----
  let byId = null;
  function timelineOf(id) {
    if (byId === null) {
      byId = new Map(JSON.parse(document.getElementById('timelines').textContent).map(t => [t.session, absolute(t)]));
    }
    return byId.get(id);
  }
  // the page holds each time as its difference from the previous one in its array (Timelines.forPage)
  const TIME_FIELDS = {active: [2, 0, 1], commands: [3, 0, 1], checkpoints: [1, 0], stops: [2, 0], usable: [1, 0],
    steps: [3, 0]};
  function absolute(t) {
    for (const [field, shape] of Object.entries(TIME_FIELDS)) {
      const a = t[field];
      let previous = 0;
      for (let k = 0; k < a.length; k += shape[0]) {
        for (let p = 1; p < shape.length; p++) {
          previous += a[k + shape[p]];
          a[k + shape[p]] = previous;
        }
      }
    }
    return t;
  }
  const lanes = ['activity', 'commands', 'checkpoints', 'down', 'stops', 'migration'];
  const h = s => s / 3600;
  function showTimeline(id) {
    const t = timelineOf(id);
    const message = document.getElementById('session-message');
    if (!t) {
      message.textContent = 'no session ' + id + ' in this run';
      return false;
    }
    message.textContent = '';
    const spans = [];
    for (let k = 0; k < t.active.length; k += 2) {
      spans.push({value: [0, h(t.active[k]), h(t.active[k + 1]), 'active'], itemStyle: {color: '#2da44e'}});
    }
    const outcome = ['changed the environment', 'changed nothing', 'interrupted'];
    for (let k = 0; k < t.commands.length; k += 3) {
      spans.push({value: [1, h(t.commands[k]), h(t.commands[k + 1]), 'pip command: ' + outcome[t.commands[k + 2]]],
        itemStyle: {color: ['#0969da', '#8c959f', '#cf222e'][t.commands[k + 2]]}});
    }
    const points = t.checkpoints.map(c => ({value: [h(c), 2, 'checkpoint'], itemStyle: {color: '#8250df'}}));
    const usable = t.usable.slice();
    for (let k = 0; k < t.stops.length; k += 2) {
      const at = t.stops[k];
      const back = usable.find(u => u >= at);
      spans.push({value: [3, h(at), h(back === undefined ? data.hours * 3600 : back), 'down'],
        itemStyle: {color: '#cf222e'}});
      points.push({value: [h(at), 4, 'stopped: ' + data.stopCauses[t.stops[k + 1]]], itemStyle: {color: '#bf8700'}});
    }
    for (let k = 0; k < t.steps.length; k += 3) {
      const cluster = t.steps[k + 2] < 0 ? 'source' : data.clusters[t.steps[k + 2]];
      points.push({value: [h(t.steps[k]), 5, data.steps[t.steps[k + 1]] + ' (' + cluster + ')'],
        itemStyle: {color: '#1f2328'}});
    }
    chart('chart-timeline', {
      tooltip: {trigger: 'item', formatter: p => p.value[p.value.length - 1] + ' at ' +
          (p.seriesType === 'custom' ? p.value[1].toFixed(3) + '–' + p.value[2].toFixed(3) : p.value[0].toFixed(3))
          + ' h'},
      grid: {left: 90, right: 30, top: 40, bottom: 70},
      xAxis: hourAxis, yAxis: {type: 'category', data: lanes, inverse: true},
      dataZoom: [{type: 'inside'}, {type: 'slider'}],
      series: [{name: 'spans', type: 'custom', encode: {x: [1, 2], y: 0}, data: spans,
        renderItem: (params, api) => {
          const from = api.coord([api.value(1), api.value(0)]);
          const to = api.coord([api.value(2), api.value(0)]);
          const height = api.size([0, 1])[1] * 0.6;
          const rect = echarts.graphic.clipRectByRect(
            {x: from[0], y: from[1] - height / 2, width: Math.max(1, to[0] - from[0]), height},
            {x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width,
              height: params.coordSys.height});
          return rect && {type: 'rect', shape: rect, style: api.style()};
        }},
        {name: 'moments', type: 'scatter', symbolSize: 8, data: points}]
    });
    document.getElementById('timeline-title').textContent = 'Timeline of session ' + t.session + ' (team ' + t.team
      + ', ' + t.kind + ', ' + (t.cluster || 'not migrated') + '): ' + t.user_visible_s + ' s user-visible, '
      + t.total_s + ' s in all';
    if (!document.body.dataset.timelineMs) {
      document.body.dataset.timelineMs = String(Math.round(performance.now()));
    }
    document.body.dataset.timeline = String(t.session);
    return true;
  }
  document.querySelectorAll('#worst button[data-session]').forEach(b =>
    b.addEventListener('click', () => showTimeline(Number(b.dataset.session))));
  document.getElementById('session-form').addEventListener('submit', e => {
    e.preventDefault();
    const v = document.getElementById('session-search').value;
    if (v !== '') {
      showTimeline(Number(v));
    }
  });
  const first = document.querySelector('#worst button[data-session]');
  setTimeout(() => showTimeline(first ? Number(first.dataset.session) : 0), 0);
})();
