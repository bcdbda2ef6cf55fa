// The example host page: embeds Journey Lens (by default the copy this page is served
// with, `../`; `?app=<url>` points at another one), lists its own origin in `origin=` so
// the app obeys it, loads the responsive-embed snippet and sends messages from buttons.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var app = new URL(params.get('app') || '../', location.href);
  var appOrigin = app.origin;
  var src = new URL(app.href);
  src.searchParams.set('embed', '1');
  src.searchParams.set('view', params.get('view') || 'funnel');
  src.searchParams.set('origin', location.origin);
  var frame = document.getElementById('lens');
  frame.src = src.href;

  var snippet = document.createElement('script');
  snippet.src = new URL('embed.js', app.href).href;
  document.body.appendChild(snippet);

  var log = document.getElementById('log');
  window.hostLog = [];
  window.addEventListener('message', function (event) {
    if (event.origin !== appOrigin || !event.data || event.data.journeyLens !== 1) return;
    window.hostLog.push(event.data);
    var line = document.createElement('div');
    line.textContent = JSON.stringify(event.data).slice(0, 300);
    log.appendChild(line);
    log.scrollTop = log.scrollHeight;
  });

  var csv = 'customer_id,timestamp,stage,touchpoint,channel,persona,satisfaction,nps\n' +
    'c1,2024-01-02 10:00,Awareness,Ad,Web,Student,4,9\n' +
    'c1,2024-01-03 10:00,Purchase,Checkout,Web,Student,5,10\n' +
    'c2,2024-01-04 11:00,Awareness,Store visit,Store,Family,3,6\n' +
    'c3,2024-01-05 12:00,Awareness,Ad,Web,Family,2,3\n' +
    'c3,2024-01-06 12:00,Purchase,Checkout,Web,Family,4,8\n';
  var messages = {
    csv: { type: 'load', csv: csv, meta: { name: 'Host data (CSV)' } },
    events: {
      type: 'load',
      meta: { name: 'Host events', stage_order: ['Awareness', 'Purchase'] },
      events: [
        { customer_id: 'a', timestamp: '2024-02-01T09:00:00', stage: 'Awareness', channel: 'Email', nps: 9 },
        { customer_id: 'a', timestamp: '2024-02-02T09:00:00', stage: 'Purchase', channel: 'Web', nps: 10 },
        { customer_id: 'b', timestamp: '2024-02-03T09:00:00', stage: 'Awareness', channel: 'Web', nps: 4 },
      ],
    },
    'view-funnel': { type: 'set-view', view: 'funnel' },
    'view-nps': { type: 'set-view', view: 'nps' },
    'view-kpis': { type: 'set-view', view: 'kpis' },
    'kpi-quarter': { type: 'set-kpi-period', period: 'quarter', compare: 'year_before' },
    'filter-web': { type: 'set-filters', filters: { channel: ['Web'] } },
    'filter-none': { type: 'set-filters', filters: {} },
    dark: { type: 'set-theme', theme: 'dark' },
    light: { type: 'set-theme', theme: 'light' },
  };
  window.sendToLens = function (msg) {
    var m = Object.assign({ journeyLens: 1 }, msg);
    frame.contentWindow.postMessage(m, appOrigin);
  };
  document.querySelectorAll('[data-send]').forEach(function (b) {
    b.addEventListener('click', function () { window.sendToLens(messages[b.dataset.send]); });
  });
})();
