// strikewatch's web page: plain JavaScript, no framework, nothing from the
// network but this server's own API. Every piece of data is put into the
// page with DOM APIs and text nodes, never as HTML, so a report that
// contains markup is shown as text.
(() => {
  'use strict';

  const SVGNS = 'http://www.w3.org/2000/svg';
  const STAGES = ['discussed', 'threatened', 'proposed', 'authorized', 'conducted', 'denied', 'called_off'];
  const LADDER = ['conducted', 'authorized', 'proposed', 'threatened', 'discussed', 'denied', 'called_off'];
  const FILTERS = ['country', 'actor', 'stage', 'certainty', 'sub_event_type', 'from', 'to', 'min_sources', 'bbox'];
  // Map: plate carrée cropped to 85°N–60°S; one unit per 1/K degree.
  const MAP_W = 960, LAT_TOP = 85, LAT_BOTTOM = -60, K = MAP_W / 360;
  const MAP_H = (LAT_TOP - LAT_BOTTOM) * K;
  const MAX_MAP_EVENTS = 2000, PAGE = 500, LIST_STEP = 24;

  const $ = (sel) => document.querySelector(sel);
  const utf8 = new TextEncoder();
  const fromUTF8 = new TextDecoder();

  // ---- DOM helpers -------------------------------------------------------

  function setAttrs(el, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  function appendKids(el, kids) {
    for (const k of kids.flat(Infinity)) {
      if (k === null || k === undefined || k === false) continue;
      el.append(k instanceof Node ? k : document.createTextNode(String(k)));
    }
  }
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    appendKids(el, kids);
    return el;
  }
  function s(tag, attrs, ...kids) {
    const el = document.createElementNS(SVGNS, tag);
    setAttrs(el, attrs);
    appendKids(el, kids);
    return el;
  }
  // safeURL lets only http(s) links through; anything else is shown as text.
  function safeURL(u) {
    try {
      const p = new URL(u);
      return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : null;
    } catch (_) {
      return null;
    }
  }
  function extLink(u, label) {
    const href = safeURL(u);
    return href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, label || u) : h('span', {}, label || u);
  }
  const cls = (x) => String(x || '').replace(/[^a-z0-9_-]/gi, '');
  const stageBadge = (st) => h('span', { class: 'badge stage-' + cls(st) }, String(st || '?').replace('_', ' '));
  const certBadge = (c) => (c ? h('span', { class: 'badge cert cert-' + cls(c) }, c) : null);
  const actorName = (a) => (a && a.name ? a.name : 'unknown');
  const hashFor = (kind, id) => '#/' + kind + '/' + encodeURIComponent(id);

  function setStatus(msg, isError) {
    const el = $('#status');
    el.textContent = msg || '';
    el.classList.toggle('error', !!isError);
  }

  // ---- API -----------------------------------------------------------------

  async function api(path, params) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== '' && v !== null && v !== undefined) url.searchParams.set(k, v);
    }
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      const msg = body && body.error ? body.error.message : res.status + ' ' + res.statusText;
      throw new Error(msg);
    }
    return body;
  }

  // ---- TopoJSON → SVG paths ------------------------------------------------

  // topoPaths decodes a TopoJSON topology (quantized, delta-encoded arcs)
  // into one SVG path string per geometry of the named object.
  function topoPaths(topo, objectName) {
    const tf = topo.transform;
    const arcs = topo.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => {
        if (tf) { x += dx; y += dy; return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]]; }
        return [dx, dy];
      });
    });
    const ring = (idxs) => {
      const pts = [];
      for (const i of idxs) {
        const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
        a.forEach((p, j) => { if (j > 0 || pts.length === 0) pts.push(p); });
      }
      return pts;
    };
    const ringPath = (pts) => pts.map(([lon, lat], j) => {
      const [x, y] = project(lon, lat);
      return (j ? 'L' : 'M') + x.toFixed(1) + ',' + y.toFixed(1);
    }).join('') + 'Z';
    const out = [];
    for (const g of topo.objects[objectName].geometries) {
      let polys = [];
      if (g.type === 'Polygon') polys = [g.arcs];
      else if (g.type === 'MultiPolygon') polys = g.arcs;
      const d = polys.map((rings) => rings.map((r) => ringPath(ring(r))).join('')).join('');
      if (d) out.push({ id: g.id, name: (g.properties && g.properties.name) || '', d });
    }
    return out;
  }

  function project(lon, lat) {
    return [(lon + 180) * K, (LAT_TOP - lat) * K];
  }

  let countryPaths = null; // decoded once per page load
  async function loadCountries() {
    if (!countryPaths) {
      const res = await fetch('/static/vendor/countries-110m.json');
      if (!res.ok) throw new Error('map outline: ' + res.status);
      countryPaths = topoPaths(await res.json(), 'countries');
    }
    return countryPaths;
  }

  // ---- The map ---------------------------------------------------------------

  const view = { x: 0, y: 0, w: MAP_W, h: MAP_H };
  let markers = [];

  // markerRadius is in map units for a size in screen pixels, so markers
  // keep their size as the map zooms and on any screen width.
  function markerRadius(ev) {
    const f = ev.fatalities || {};
    const n = f.max != null ? f.max : f.min;
    const px = n ? Math.min(5 + 2.5 * Math.sqrt(n), 22) : 5;
    const width = $('#map').clientWidth || MAP_W;
    return px * view.w / width;
  }

  function applyView() {
    const svg = $('#map');
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].map((v) => v.toFixed(2)).join(' '));
    for (const { el, ev } of markers) el.setAttribute('r', markerRadius(ev).toFixed(2));
  }

  function zoomBy(f, cx, cy) {
    const w = Math.min(MAP_W, Math.max(8, view.w / f));
    const hgt = w * MAP_H / MAP_W;
    cx = cx === undefined ? view.x + view.w / 2 : cx;
    cy = cy === undefined ? view.y + view.h / 2 : cy;
    view.x = Math.max(0, Math.min(MAP_W - w, cx - w / 2));
    view.y = Math.max(0, Math.min(MAP_H - hgt, cy - hgt / 2));
    view.w = w; view.h = hgt;
    applyView();
  }

  function fitMarkers() {
    if (!markers.length) { Object.assign(view, { x: 0, y: 0, w: MAP_W, h: MAP_H }); applyView(); return; }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const { x, y } of markers) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
    const pad = 30;
    let w = Math.max(x1 - x0 + 2 * pad, 60), hgt = Math.max(y1 - y0 + 2 * pad, 60 * MAP_H / MAP_W);
    if (w / hgt < MAP_W / MAP_H) w = hgt * MAP_W / MAP_H; else hgt = w * MAP_H / MAP_W;
    Object.assign(view, { x: 0, y: 0, w: MAP_W, h: MAP_H });
    zoomBy(MAP_W / w, (x0 + x1) / 2, (y0 + y1) / 2);
  }

  function drawMap(paths, events) {
    const svg = $('#map');
    svg.replaceChildren();
    const land = s('g', { class: 'countries' });
    for (const p of paths) land.append(s('path', { class: 'country', d: p.d }, s('title', {}, p.name)));
    svg.append(land);
    const g = s('g', { class: 'markers' });
    markers = [];
    const located = events.filter((ev) => ev.location && !(ev.location.lat === 0 && ev.location.lon === 0 && !ev.location.geonames_id));
    located.sort((a, b) => markerRadius(b) - markerRadius(a));
    for (const ev of located) {
      const [x, y] = project(ev.location.lon, ev.location.lat);
      const label = [ev.date && ev.date.start ? ev.date.start : 'undated', ev.stage, ev.action,
        actorName(ev.actor1) + ' → ' + actorName(ev.actor2), ev.location.name].filter(Boolean).join(' · ');
      const el = s('circle', {
        class: 'marker stage-' + cls(ev.stage), cx: x.toFixed(2), cy: y.toFixed(2), r: 3,
        tabindex: 0, role: 'link', 'aria-label': label, 'data-event': ev.event_id,
      }, s('title', {}, label));
      const open = () => { location.hash = hashFor('event', ev.event_id); };
      el.addEventListener('click', open);
      el.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
      g.append(el);
      markers.push({ el, ev, x, y });
    }
    svg.append(g);
    fitMarkers();
    const legend = $('#map-legend');
    legend.replaceChildren(...STAGES.map((st) => h('span', {}, h('span', { class: 'swatch stage-' + st }), st.replace('_', ' '))),
      h('span', {}, located.length + ' of ' + events.length + ' events located; size = fatalities'));
  }

  function wireMapControls() {
    $('#zoom-in').addEventListener('click', () => zoomBy(2));
    $('#zoom-out').addEventListener('click', () => zoomBy(0.5));
    $('#zoom-fit').addEventListener('click', fitMarkers);
    $('#zoom-world').addEventListener('click', () => { Object.assign(view, { x: 0, y: 0, w: MAP_W, h: MAP_H }); applyView(); });
    const svg = $('#map');
    let drag = null;
    svg.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false }; });
    svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      drag.moved = true;
      const scale = view.w / svg.clientWidth;
      view.x = Math.max(0, Math.min(MAP_W - view.w, drag.vx - dx * scale));
      view.y = Math.max(0, Math.min(MAP_H - view.h, drag.vy - dy * scale));
      applyView();
    });
    const end = () => { drag = null; };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointerleave', end);
    svg.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      const cx = view.x + (e.clientX - r.left) / r.width * view.w;
      const cy = view.y + (e.clientY - r.top) / r.height * view.h;
      zoomBy(e.deltaY < 0 ? 1.25 : 0.8, cx, cy);
    }, { passive: false });
  }

  // ---- The timeline ------------------------------------------------------------

  const DAY = 86400000;
  const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

  function drawTimeline(data, params) {
    const svg = $('#timeline');
    svg.replaceChildren();
    const weeks = (data.weeks || []).filter((w) => /^\d{4}-\d{2}-\d{2}$/.test(w.week));
    const caption = $('#timeline-caption');
    if (!weeks.length) {
      svg.append(s('text', { x: 480, y: 90, 'text-anchor': 'middle', class: 'tick' }, 'No dated claims for these filters'));
      caption.replaceChildren(data.undated ? data.undated + ' undated claims' : '');
      return;
    }
    const t0 = Date.parse(weeks[0].week), t1 = Date.parse(weeks[weeks.length - 1].week);
    const span = Math.round((t1 - t0) / (7 * DAY)) + 1;
    // Over five years of weeks the bars would be thinner than a pixel, so
    // the same counts are summed per month.
    const monthly = span > 260;
    const buckets = new Map();
    for (const w of weeks) {
      const key = monthly ? w.week.slice(0, 7) : w.week;
      const b = buckets.get(key) || { key, counts: {} };
      for (const [st, n] of Object.entries(w.counts || {})) b.counts[st] = (b.counts[st] || 0) + n;
      buckets.set(key, b);
    }
    const keys = [];
    if (monthly) {
      let [y, m] = weeks[0].week.split('-').map(Number);
      const [y1, m1] = weeks[weeks.length - 1].week.split('-').map(Number);
      while (y < y1 || (y === y1 && m <= m1)) { keys.push(y + '-' + String(m).padStart(2, '0')); m++; if (m > 12) { m = 1; y++; } }
    } else {
      for (let t = t0; t <= t1; t += 7 * DAY) keys.push(isoDay(t));
    }
    const L = 34, R = 8, T = 8, B = 22, PW = 960 - L - R, PH = 180 - T - B;
    const bw = PW / keys.length;
    let max = 1;
    for (const b of buckets.values()) max = Math.max(max, Object.values(b.counts).reduce((a, n) => a + n, 0));
    svg.append(s('line', { class: 'axis', x1: L, y1: T + PH, x2: L + PW, y2: T + PH }));
    svg.append(s('text', { class: 'tick', x: L - 4, y: T + 9, 'text-anchor': 'end' }, String(max)));
    svg.append(s('text', { class: 'tick', x: L - 4, y: T + PH, 'text-anchor': 'end' }, '0'));
    let lastYear = '';
    keys.forEach((key, i) => {
      const x = L + i * bw;
      const year = key.slice(0, 4);
      if (year !== lastYear) {
        lastYear = year;
        svg.append(s('text', { class: 'tick', x: x.toFixed(1), y: 180 - 6 }, year));
      }
      const b = buckets.get(key);
      if (!b) return;
      let y = T + PH;
      const total = Object.values(b.counts).reduce((a, n) => a + n, 0);
      const { from, to } = bucketRange(key, monthly);
      for (const st of STAGES) {
        const n = b.counts[st];
        if (!n) continue;
        const bh = n / max * PH;
        y -= bh;
        const r = s('rect', {
          class: 'bar stage-' + st, x: x.toFixed(2), y: y.toFixed(2),
          width: Math.max(bw - (bw > 3 ? 1 : 0), 0.6).toFixed(2), height: bh.toFixed(2), 'data-stage': st,
        }, s('title', {}, (monthly ? 'month ' : 'week of ') + key + ': ' + n + ' ' + st.replace('_', ' ') + ' of ' + total + ' claims'));
        r.addEventListener('click', () => {
          const p = new URLSearchParams(params);
          p.set('from', from); p.set('to', to);
          location.hash = '#/?' + p.toString();
        });
        svg.append(r);
      }
    });
    const parts = [h('span', {}, 'Claims per ' + (monthly ? 'month' : 'week') + ' by stage (click a bar to filter)')];
    if (data.undated) parts.push(h('span', {}, data.undated + ' undated claims not shown'));
    if (data.truncated) parts.push(h('span', {}, 'counts cover the newest claims only'));
    caption.replaceChildren(...parts);
  }

  function bucketRange(key, monthly) {
    if (monthly) {
      const [y, m] = key.split('-').map(Number);
      return { from: key + '-01', to: isoDay(Date.UTC(y, m, 0)) };
    }
    return { from: key, to: isoDay(Date.parse(key) + 6 * DAY) };
  }

  // ---- Home: filters, map, timeline, list -------------------------------------

  function filterParams(params) {
    const out = {};
    for (const k of FILTERS) { const v = params.get(k); if (v) out[k] = v; }
    return out;
  }

  function syncFilterForm(params) {
    const form = $('#filters');
    for (const k of FILTERS) { const el = form.elements[k]; if (el) el.value = params.get(k) || ''; }
    const qs = new URLSearchParams(filterParams(params)).toString();
    for (const f of ['csv', 'geojson', 'jsonl', 'atom']) {
      const fmt = f === 'csv' ? 'acled-csv' : f;
      $('#export-' + f).setAttribute('href', '/api/v1/export?format=' + fmt + (qs ? '&' + qs : ''));
    }
  }

  function eventCard(ev) {
    const f = ev.fatalities || {};
    const dead = f.min != null ? (f.max != null && f.max !== f.min ? f.min + '–' + f.max : String(f.min)) + ' killed' : null;
    return h('article', { class: 'card event-card', 'data-event': ev.event_id },
      h('div', {}, stageBadge(ev.stage), ' ', certBadge(ev.certainty)),
      h('h3', {}, h('a', { href: hashFor('event', ev.event_id) }, (ev.action || ev.sub_event_type || 'event') + ': ' + actorName(ev.actor1) + ' → ' + actorName(ev.actor2))),
      h('div', { class: 'meta' }, [ev.date && ev.date.start ? ev.date.start : 'date unknown',
        ev.location ? ev.location.name : 'place unknown', dead,
        ev.independent_sources + ' independent source' + (ev.independent_sources === 1 ? '' : 's')].filter(Boolean).join(' · ')));
  }

  let homeEvents = [], homeCursor = '', homeShown = 0, homeFilter = {};
  function showMoreEvents() {
    const list = $('#event-list');
    const next = homeEvents.slice(homeShown, homeShown + LIST_STEP);
    list.append(...next.map(eventCard));
    homeShown += next.length;
    $('#more-events').hidden = homeShown >= homeEvents.length && !homeCursor;
    if (!homeEvents.length) list.replaceChildren(h('p', { class: 'meta' }, 'No events match these filters.'));
  }

  async function fetchEventsPage() {
    const page = await api('/api/v1/events', Object.assign({ limit: PAGE, cursor: homeCursor }, homeFilter));
    homeEvents.push(...(page.items || []));
    homeCursor = page.next || '';
  }

  async function showHome(params, live) {
    syncFilterForm(params);
    homeFilter = filterParams(params);
    homeEvents = []; homeCursor = ''; homeShown = 0;
    $('#event-list').replaceChildren();
    setStatus('Loading…');
    const [paths, timeline] = await Promise.all([
      loadCountries(),
      api('/api/v1/timeline', homeFilter),
      (async () => { do { await fetchEventsPage(); } while (homeCursor && homeEvents.length < MAX_MAP_EVENTS); })(),
    ]);
    if (!live()) return;
    drawMap(paths, homeEvents);
    drawTimeline(timeline, homeFilter);
    showMoreEvents();
    setStatus(homeEvents.length + (homeCursor ? '+' : '') + ' events');
  }

  // ---- Evidence highlighting ---------------------------------------------------

  // Byte offsets are UTF-8 (SPEC); a JS string is UTF-16, so the text is
  // cut as bytes and each piece decoded. Cuts inside a character move to
  // the next character boundary.
  function highlighted(text, spans) {
    const bytes = utf8.encode(text || '');
    const n = bytes.length;
    const boundary = (p) => { while (p < n && (bytes[p] & 0xc0) === 0x80) p++; return p; };
    const ok = [];
    for (const sp of spans) {
      if (!Number.isInteger(sp.start) || !Number.isInteger(sp.end)) continue;
      const a = boundary(Math.max(0, sp.start)), b = boundary(Math.min(n, sp.end));
      if (a < b) ok.push(Object.assign({}, sp, { start: a, end: b }));
    }
    const cuts = new Set([0, n]);
    for (const sp of ok) { cuts.add(sp.start); cuts.add(sp.end); }
    const pts = [...cuts].sort((x, y) => x - y);
    const out = h('div', { class: 'report-text' });
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const seg = fromUTF8.decode(bytes.subarray(a, b));
      const cover = ok.filter((sp) => sp.start <= a && sp.end >= b);
      if (!cover.length) { out.append(seg); continue; }
      const labels = [...new Set(cover.map((c) => c.label))];
      out.append(h('mark', {
        class: 'ev f-' + cls(cover[0].field), title: labels.join('\n'),
        'data-fields': [...new Set(cover.map((c) => c.field))].join(' '),
      }, seg));
    }
    return out;
  }

  function fieldValue(c, field) {
    const v = c[field];
    switch (field) {
      case 'actor1': case 'actor2': return v ? v.name : '';
      case 'location': return v ? v.name : '';
      case 'date': return v && v.start ? v.start + (v.end && v.end !== v.start ? '–' + v.end : '') : '';
      case 'fatalities': return v && v.min != null ? (v.max != null && v.max !== v.min ? v.min + '–' + v.max : String(v.min)) : '';
      case 'sources': return (v || []).map((x) => x.kind + (x.count ? ' ×' + x.count : '') + (x.outlet ? ' via ' + x.outlet : '')).join('; ');
      case 'stage': return c.stage + (c.certainty && c.certainty !== 'asserted' ? ' (' + c.certainty + ')' : '');
    }
    return v === null || v === undefined || typeof v === 'object' ? '' : String(v);
  }

  function claimSpans(claims, prefix) {
    const spans = [];
    claims.forEach((c, i) => {
      for (const [field, evs] of Object.entries(c.evidence || {})) {
        const val = fieldValue(c, field);
        const label = (prefix ? prefix(c, i) : '') + field + (val ? ': ' + val : '');
        for (const e of evs || []) spans.push({ start: e.start, end: e.end, field, label });
      }
    });
    return spans;
  }

  function fieldKeys(spans) {
    const fields = [...new Set(spans.map((sp) => sp.field))];
    return h('div', { class: 'keys' }, 'Highlighted: ', fields.map((f) => h('mark', { class: 'ev f-' + cls(f) }, f)),
      fields.length ? ' (hover for values)' : 'nothing');
  }

  function field(dl, name, ...value) {
    const v = value.flat().filter((x) => x !== null && x !== undefined && x !== '');
    if (!v.length) return;
    dl.append(h('dt', {}, name), h('dd', {}, v));
  }

  function reportTitle(r) {
    return r.title || (r.outlet ? r.outlet + ' report' : 'Report ' + String(r.id).slice(0, 12));
  }

  // ---- Event page ----------------------------------------------------------------

  async function showEvent(id, live) {
    const { event: ev, claims } = await api('/api/v1/events/' + encodeURIComponent(id));
    const reportIDs = [...new Set((claims || []).map((c) => c.report_id))].slice(0, 8);
    const reports = await Promise.all(reportIDs.map((rid) => api('/api/v1/reports/' + encodeURIComponent(rid)).catch(() => null)));
    if (!live()) return;
    const page = h('article', { class: 'event-page', 'data-event': ev.event_id });
    page.append(h('h1', {}, (ev.action || ev.sub_event_type || 'Event') + ': ' + actorName(ev.actor1) + ' → ' + actorName(ev.actor2)));
    page.append(h('p', {}, stageBadge(ev.stage), ' ', certBadge(ev.certainty)));
    const dl = h('dl', { class: 'fields' });
    field(dl, 'Type', [ev.event_type, ev.sub_event_type].filter(Boolean).join(' / '));
    field(dl, 'Date', fieldValue(ev, 'date') || 'unknown', ev.date && ev.date.time_precision ? ' (' + ev.date.time_precision + ')' : '');
    if (ev.location) {
      field(dl, 'Location', [ev.location.name, ev.location.admin1, ev.location.country].filter(Boolean).join(', '),
        ev.location.geo_precision ? ' (precision ' + ev.location.geo_precision + ')' : '');
    }
    field(dl, 'Fatalities', fieldValue(ev, 'fatalities') || 'not stated');
    const civ = ev.fatalities && ev.fatalities.civilians_min != null ? ev.fatalities.civilians_min + (ev.fatalities.civilians_max != null && ev.fatalities.civilians_max !== ev.fatalities.civilians_min ? '–' + ev.fatalities.civilians_max : '') : '';
    field(dl, 'Civilians killed', civ);
    field(dl, 'Sources', fieldValue(ev, 'sources'));
    field(dl, 'Independent sources', String(ev.independent_sources));
    field(dl, 'Claims', String(ev.claim_count));
    if (ev.story_id) field(dl, 'Story', h('a', { href: hashFor('story', ev.story_id) }, 'follow this story'));
    field(dl, 'Original reports', (ev.report_urls || []).map((u, i) => [i ? ' · ' : '', extLink(u)]));
    field(dl, 'Notes', ev.notes);
    page.append(dl);

    if ((ev.evidence || []).length) {
      page.append(h('h2', {}, 'Evidence'), ...ev.evidence.map((e) => h('blockquote', { class: 'evidence' }, e.sentence)));
    }
    page.append(h('h2', {}, 'Claims, in their reports'));
    reportIDs.forEach((rid, i) => {
      const mine = claims.filter((c) => c.report_id === rid);
      const rep = reports[i];
      const sec = h('section', { class: 'claim-report', 'data-report': rid });
      if (!rep) {
        sec.append(h('p', { class: 'meta' }, 'Report ' + rid + ' could not be loaded.'));
      } else {
        const r = rep.report;
        sec.append(h('h3', {}, h('a', { href: hashFor('report', rid) }, reportTitle(r))),
          h('p', { class: 'meta' }, [r.outlet, r.published].filter(Boolean).join(' · '), ' ', r.url ? extLink(r.url, 'original') : ''),
          h('p', {}, mine.map((c) => [stageBadge(c.stage), ' ', certBadge(c.certainty), ' '])));
        const spans = claimSpans(mine);
        sec.append(fieldKeys(spans), highlighted(r.text, spans));
      }
      page.append(sec);
    });
    showPage(page);
    const first = page.querySelector('mark.ev');
    if (first && first.scrollIntoView && window.innerWidth < 700) first.scrollIntoView({ block: 'center' });
  }

  // ---- Report page ---------------------------------------------------------------

  async function showReport(id, live) {
    const { report: r, claims } = await api('/api/v1/reports/' + encodeURIComponent(id));
    if (!live()) return;
    const page = h('article', { class: 'report-page', 'data-report': r.id });
    page.append(h('h1', {}, reportTitle(r)));
    const dl = h('dl', { class: 'fields' });
    field(dl, 'Outlet', r.outlet);
    field(dl, 'Published', r.published || 'unknown');
    field(dl, 'Original', r.url ? extLink(r.url) : '');
    if (r.dateline) field(dl, 'Dateline', r.dateline.text, r.dateline.location ? ' (' + r.dateline.location.name + ', where the reporter filed, not where events happened)' : '');
    field(dl, 'Language', r.language);
    if (r.copy_of) field(dl, 'Copy of', h('a', { href: hashFor('report', r.copy_of) }, 'the earlier report'));
    if ((r.dropped_paragraphs || []).length) field(dl, 'Dropped', r.dropped_paragraphs.length + ' repeated paragraph(s)');
    page.append(dl);

    if ((claims || []).length) {
      const tbody = h('tbody', {});
      claims.forEach((c, i) => {
        tbody.append(h('tr', {},
          h('td', {}, String(i + 1)),
          h('td', {}, stageBadge(c.stage), ' ', certBadge(c.certainty)),
          h('td', {}, c.action || c.sub_event_type || ''),
          h('td', {}, actorName(c.actor1) + ' → ' + actorName(c.actor2)),
          h('td', {}, c.location ? c.location.name : ''),
          h('td', {}, fieldValue(c, 'fatalities')),
          h('td', {}, c.event_id ? h('a', { href: hashFor('event', c.event_id) }, 'event') : '')));
      });
      page.append(h('h2', {}, 'Claims'), h('div', { class: 'table-wrap' }, h('table', { class: 'claims' },
        h('thead', {}, h('tr', {}, ['#', 'stage', 'action', 'actors', 'where', 'killed', ''].map((t) => h('th', {}, t)))), tbody)));
    } else {
      page.append(h('p', { class: 'meta' }, 'No claims were extracted from this report.'));
    }
    const spans = claimSpans(claims || [], (c, i) => 'claim ' + (i + 1) + ' ');
    for (const p of r.places || []) spans.push({ start: p.start, end: p.end, field: 'place', label: 'place: ' + [p.name, p.admin1, p.country].filter(Boolean).join(', ') });
    page.append(h('h2', {}, 'Text'), fieldKeys(spans), highlighted(r.text, spans));
    showPage(page);
  }

  // ---- Story page ------------------------------------------------------------------

  function ladderChart(history) {
    const W = 720, H = 220, L = 86, R = 16, T = 10, B = 24;
    const svg = s('svg', { class: 'ladder', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Stage ladder over time' });
    const rowY = (st) => T + LADDER.indexOf(st) * (H - T - B) / (LADDER.length - 1);
    for (const st of LADDER) {
      svg.append(s('line', { class: 'row', x1: L, x2: W - R, y1: rowY(st), y2: rowY(st) }),
        s('text', { class: 'label', x: L - 6, y: rowY(st) + 4, 'text-anchor': 'end' }, st.replace('_', ' ')));
    }
    // Undated steps sit at the previous step's date (history is in time order).
    let last = null;
    const times = history.map((st) => { const t = st.date ? Date.parse(st.date) : NaN; if (!isNaN(t)) last = t; return last; });
    const known = times.filter((t) => t !== null);
    const t0 = known.length ? Math.min(...known) : 0, t1 = known.length ? Math.max(...known) : 0;
    const xOf = (i) => {
      if (t1 > t0 && times[i] !== null) return L + 10 + (times[i] - t0) / (t1 - t0) * (W - L - R - 20);
      return L + 10 + (history.length > 1 ? i / (history.length - 1) : 0.5) * (W - L - R - 20);
    };
    let d = '';
    history.forEach((st, i) => { const x = xOf(i), y = rowY(st.stage); d += (i ? 'H' + x.toFixed(1) + 'V' : 'M' + x.toFixed(1) + ',') + y.toFixed(1); });
    if (d) svg.append(s('path', { class: 'path', d }));
    history.forEach((st, i) => {
      const c = s('circle', { class: 'step stage-' + cls(st.stage), cx: xOf(i).toFixed(1), cy: rowY(st.stage).toFixed(1), r: 6, tabindex: 0 },
        s('title', {}, (st.date || 'undated') + ': ' + st.stage + (st.certainty ? ' (' + st.certainty + ')' : '')));
      const go = () => { const li = document.getElementById('step-' + i); if (li) li.scrollIntoView({ block: 'center' }); };
      c.addEventListener('click', go);
      c.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
      svg.append(c);
    });
    if (known.length) {
      svg.append(s('text', { class: 'label', x: L + 10, y: H - 6 }, isoDay(t0)),
        s('text', { class: 'label', x: W - R - 10, y: H - 6, 'text-anchor': 'end' }, isoDay(t1)));
    }
    return svg;
  }

  async function showStory(id, live) {
    const st = await api('/api/v1/stories/' + encodeURIComponent(id));
    const [evs, related] = await Promise.all([
      api('/api/v1/events', { story: id, limit: 100 }).catch(() => ({ items: [] })),
      Promise.all((st.related || []).slice(0, 8).map((rid) => api('/api/v1/stories/' + encodeURIComponent(rid)).catch(() => ({ id: rid })))),
    ]);
    if (!live()) return;
    const page = h('article', { class: 'story-page', 'data-story': st.id });
    page.append(h('h1', {}, actorName(st.initiator) + ' → ' + actorName(st.target) + (st.action ? ': ' + st.action : '')));
    const dl = h('dl', { class: 'fields' });
    field(dl, 'Stage reached', stageBadge(st.stage));
    field(dl, 'Host-state consent', h('span', { class: 'consent' }, st.host_consent || 'unknown'));
    field(dl, 'Related stories', related.map((r, i) => [i ? ' · ' : '',
      h('a', { href: hashFor('story', r.id) }, r.initiator ? actorName(r.initiator) + ' → ' + actorName(r.target) + (r.action ? ': ' + r.action : '') : r.id),
      r.stage ? [' ', stageBadge(r.stage)] : '']));
    page.append(dl);
    const history = st.history || [];
    page.append(h('h2', {}, 'Stage ladder'), ladderChart(history));
    const ol = h('ol', { class: 'steps' });
    history.forEach((step, i) => {
      ol.append(h('li', { id: 'step-' + i, class: 'step-item' },
        h('div', {}, h('strong', {}, step.date || 'undated'), ' ', stageBadge(step.stage), ' ', certBadge(step.certainty)),
        (step.evidence || []).map((e) => h('blockquote', {}, e.sentence)),
        h('div', { class: 'meta' },
          step.report_id ? h('a', { href: hashFor('report', step.report_id) }, 'evidence in its report') : '',
          step.report_url ? [' · ', extLink(step.report_url, 'original')] : '')));
    });
    page.append(h('h2', {}, 'Steps'), ol);
    page.append(h('h2', {}, 'Events'), h('div', { class: 'cards' }, (evs.items || []).map(eventCard)));
    showPage(page);
  }

  // ---- Lists and search ----------------------------------------------------------------

  function storyCard(st) {
    const last = (st.history || []).slice(-1)[0];
    return h('article', { class: 'card story-card' },
      h('div', {}, stageBadge(st.stage), ' ', h('span', { class: 'badge cert' }, 'consent: ' + (st.host_consent || 'unknown'))),
      h('h3', {}, h('a', { href: hashFor('story', st.id) }, actorName(st.initiator) + ' → ' + actorName(st.target) + (st.action ? ': ' + st.action : ''))),
      h('div', { class: 'meta' }, (st.history || []).length + ' steps' + (last && last.date ? ' · last ' + last.date : '')));
  }

  function reportCard(r) {
    return h('article', { class: 'card report-card', 'data-report': r.id },
      h('h3', {}, h('a', { href: hashFor('report', r.id) }, reportTitle(r))),
      h('div', { class: 'meta' }, [r.outlet, r.published, r.claim_count + ' claim' + (r.claim_count === 1 ? '' : 's')].filter(Boolean).join(' · ')),
      r.snippet ? h('p', { class: 'snippet' }, r.snippet) : null);
  }

  async function showList(title, path, params, card, live) {
    let cursor = '';
    const list = h('div', { class: 'cards' });
    const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More');
    const load = async () => {
      const p = await api(path, Object.assign({ limit: 50, cursor }, params));
      list.append(...(p.items || []).map(card));
      cursor = p.next || '';
      more.hidden = !cursor;
      if (!list.childElementCount) list.append(h('p', { class: 'meta' }, 'Nothing found.'));
    };
    more.addEventListener('click', () => load().catch((e) => setStatus(e.message, true)));
    await load();
    if (!live()) return;
    showPage(h('section', { class: 'list-page' }, h('h1', {}, title), list, more));
  }

  function showPage(node) {
    const page = $('#view-page');
    page.replaceChildren(node);
    setStatus('');
    window.scrollTo(0, 0);
  }

  // ---- Routing ---------------------------------------------------------------------------

  let navSeq = 0;
  async function route() {
    const raw = location.hash.replace(/^#/, '') || '/';
    const qi = raw.indexOf('?');
    const path = qi < 0 ? raw : raw.slice(0, qi);
    const params = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
    const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch (_) { return p; } });
    const seq = ++navSeq;
    const live = () => seq === navSeq;
    const home = parts.length === 0;
    $('#view-home').hidden = !home;
    $('#view-page').hidden = home;
    if (!home) { $('#view-page').replaceChildren(); setStatus('Loading…'); }
    try {
      if (home) return await showHome(params, live);
      const [kind, id] = parts;
      switch (kind) {
        case 'event': return await showEvent(id, live);
        case 'report': return await showReport(id, live);
        case 'story': return await showStory(id, live);
        case 'stories': return await showList('Stories', '/api/v1/stories', {}, storyCard, live);
        case 'reports': return await showList('Reports', '/api/v1/reports', {}, reportCard, live);
        case 'search': {
          const q = params.get('q') || '';
          $('#search-q').value = q;
          return await showList('Search: ' + q, '/api/v1/search', { q }, reportCard, live);
        }
      }
      setStatus('No such page.', true);
    } catch (e) {
      if (live()) setStatus(e.message, true);
    }
  }

  function start() {
    $('#filters').addEventListener('submit', (e) => {
      e.preventDefault();
      const p = new URLSearchParams();
      for (const [k, v] of new FormData(e.target)) if (String(v).trim()) p.set(k, String(v).trim());
      location.hash = '#/?' + p.toString();
    });
    $('#filters-reset').addEventListener('click', (e) => { e.preventDefault(); location.hash = '#/'; });
    $('#search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const q = $('#search-q').value.trim();
      if (q) location.hash = '#/search?' + new URLSearchParams({ q }).toString();
    });
    $('#more-events').addEventListener('click', async () => {
      try {
        if (homeShown >= homeEvents.length && homeCursor) await fetchEventsPage();
        showMoreEvents();
      } catch (e) { setStatus(e.message, true); }
    });
    wireMapControls();
    window.addEventListener('resize', () => { if (markers.length) applyView(); });
    window.addEventListener('hashchange', route);
    route();
  }

  start();
})();
