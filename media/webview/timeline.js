// @ts-check
// The News Timeline page: draws what the extension posts (articles at their date by outlet, dated
// events with their article) as SVG, with zoom, pan, filters and a list of the same items. Article
// text only ever goes into textContent and attributes set through the DOM, never into markup.
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';
  const LANE = 56;
  const AXIS = 28;
  const LABEL = 150;
  const MAX_DRAWN = 5000;
  const MAX_FOCUSABLE = 400;
  const MAX_LISTED = 300;
  const DAY = 86400000;

  /** @type {any} */
  let data = null;
  /** @type {string[]} */
  let labels = [];
  const saved = vscode.getState() || {};
  let view = saved.view || null; // [t0, t1] in ms
  /** True once the reader zoomed or panned: an index update then keeps the window. */
  let moved = !!saved.view;
  const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
  const chart = $('chart');
  const outletSelect = $('outlet');
  const entityInput = $('entity');
  const showEvents = $('showEvents');
  entityInput.value = saved.entity || '';
  showEvents.checked = saved.showEvents !== false;

  /** [start, end) in ms of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value. */
  function range(value) {
    const [y, m, d] = value.split('-').map(Number);
    if (d) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
    if (m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
    return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  }

  function entityFilter() {
    const q = entityInput.value.trim().toLowerCase();
    if (!q || !data) return null;
    const exact = new Set();
    const partial = new Set();
    data.entities.forEach((/** @type {[string, string, string]} */ e, /** @type {number} */ i) => {
      const name = e[1].toLowerCase();
      if (name === q) exact.add(i);
      else if (q.length >= 2 && name.includes(q)) partial.add(i);
    });
    return exact.size ? exact : partial;
  }

  /** The articles and events passing the filters, each with its time range. */
  function items() {
    const outlet = outletSelect.value;
    const entities = entityFilter();
    const keep = data.articles.map((/** @type {any} */ a) => (!outlet || a.outlet === outlet) && (!entities || a.entities.some((/** @type {number} */ e) => entities.has(e))));
    const out = [];
    const undated = [];
    data.articles.forEach((/** @type {any} */ a, /** @type {number} */ i) => {
      if (!keep[i]) return;
      if (!a.date) undated.push(i);
      else out.push({ kind: 'article', i, lane: a.outlet, t: range(a.date), file: a.file, start: a.span.start, end: a.span.end, value: a.date });
    });
    if (showEvents.checked) {
      data.events.forEach((/** @type {any} */ e, /** @type {number} */ i) => {
        if (!keep[e.article]) return;
        out.push({ kind: 'event', i, lane: data.articles[e.article].outlet, t: range(e.value), file: e.file, start: e.start, end: e.end, value: e.value });
      });
    }
    out.sort((a, b) => a.t[0] - b.t[0]);
    return { dated: out, undated };
  }

  function describe(/** @type {any} */ item) {
    if (item.kind === 'article') {
      const a = data.articles[item.i];
      return `Article: ${a.headline}. ${a.date}, ${a.outlet}, ${labels[item.i] || a.file}`;
    }
    const e = data.events[item.i];
    const a = data.articles[e.article];
    return `Event: ${e.text}${e.text === e.value ? '' : ` (${e.value})`}, in ${a.headline}, ${a.outlet}`;
  }

  function open(/** @type {any} */ item) {
    vscode.postMessage({ type: 'open', file: item.file, start: item.start, end: item.end });
  }

  function fit(/** @type {any[]} */ dated) {
    if (!dated.length) return null;
    let t0 = Infinity;
    let t1 = -Infinity;
    for (const it of dated) {
      t0 = Math.min(t0, it.t[0]);
      t1 = Math.max(t1, it.t[1]);
    }
    const pad = Math.max((t1 - t0) * 0.04, DAY);
    return [t0 - pad, t1 + pad];
  }

  function ticks(/** @type {number} */ t0, /** @type {number} */ t1) {
    const span = t1 - t0;
    const out = [];
    const start = new Date(t0);
    if (span > 4 * 365 * DAY) {
      const wanted = span / (365 * DAY) / 10;
      const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((n) => n >= wanted) || 1000;
      for (let y = Math.ceil(start.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) <= t1; y += step) out.push([Date.UTC(y, 0, 1), String(y)]);
    } else if (span > 90 * DAY) {
      const step = Math.max(1, Math.ceil(span / (30 * DAY) / 12));
      for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); Date.UTC(y, m, 1) <= t1; m += step) out.push([Date.UTC(y, m, 1), new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7)]);
    } else {
      const step = Math.max(1, Math.ceil(span / DAY / 12));
      for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t <= t1; t += step * DAY) out.push([t, new Date(t).toISOString().slice(0, 10)]);
    }
    return out.filter(([t]) => t >= t0);
  }

  function el(/** @type {string} */ name, /** @type {Record<string, string | number>} */ attrs, /** @type {Element} */ parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    parent.appendChild(node);
    return node;
  }

  function render() {
    if (!data) return;
    vscode.setState({ view: moved ? view : null, entity: entityInput.value, showEvents: showEvents.checked, outlet: outletSelect.value });
    const { dated, undated } = items();
    if (!view || view[1] <= view[0]) view = fit(dated);
    chart.replaceChildren();
    const width = Math.max(400, chart.clientWidth || document.body.clientWidth - 24);
    const lanes = [...new Set(dated.map((it) => it.lane))];
    lanes.sort((a, b) => data.outlets.indexOf(a) - data.outlets.indexOf(b));
    const height = AXIS + Math.max(1, lanes.length) * LANE + 8;
    const svg = el('svg', { width, height, role: 'group' }, chart);
    const [t0, t1] = view || [0, 1];
    const x = (/** @type {number} */ t) => LABEL + ((t - t0) / (t1 - t0)) * (width - LABEL - 8);
    const inView = dated.filter((it) => it.t[1] >= t0 && it.t[0] <= t1);
    svg.setAttribute('aria-label', `Timeline from ${new Date(t0).toISOString().slice(0, 10)} to ${new Date(t1).toISOString().slice(0, 10)}: ${inView.length} items in ${lanes.length} outlets`);
    const axis = el('g', { class: 'axis' }, svg);
    for (const [t, label] of ticks(t0, t1)) {
      el('line', { x1: x(t), x2: x(t), y1: AXIS - 6, y2: height, class: 'grid' }, axis);
      const text = el('text', { x: x(t) + 3, y: AXIS - 10 }, axis);
      text.textContent = label;
    }
    lanes.forEach((lane, k) => {
      const y = AXIS + k * LANE;
      el('rect', { x: 0, y: y + 2, width, height: LANE - 4, class: 'lane-bg' }, svg);
      const text = el('text', { x: 4, y: y + LANE / 2 + 4, class: 'lane-label' }, svg);
      text.textContent = lane.length > 22 ? lane.slice(0, 21) + '…' : lane;
      const title = el('title', {}, text);
      title.textContent = lane;
    });
    const clip = el('svg', { x: LABEL, y: 0, width: width - LABEL, height }, svg);
    const group = el('g', { transform: `translate(${-LABEL} 0)` }, clip);
    const focusable = inView.length <= MAX_FOCUSABLE;
    // Periods (a month, a year) go in up to three thin rows, each taking the first row free at its start.
    const rowEnds = new Map();
    const rowOf = (/** @type {any} */ it, /** @type {number} */ a, /** @type {number} */ b) => {
      const ends = rowEnds.get(it.lane) || [-Infinity, -Infinity, -Infinity];
      rowEnds.set(it.lane, ends);
      let row = ends.findIndex((end) => end <= a);
      if (row < 0) row = ends.indexOf(Math.min(...ends));
      ends[row] = b + 1;
      return row;
    };
    for (const it of inView.slice(0, MAX_DRAWN)) {
      const y = AXIS + lanes.indexOf(it.lane) * LANE;
      const a = x(it.t[0]);
      const b = x(it.t[1]);
      let node;
      if (it.kind === 'article') node = el('circle', { cx: (a + b) / 2, cy: y + 18, r: 5, class: 'item article' }, group);
      else if (b - a > 10) node = el('rect', { x: a, y: y + 30 + rowOf(it, a, b) * 7, width: b - a, height: 5, rx: 2, class: 'item event span' }, group);
      else {
        const cx = (a + b) / 2;
        const cy = y + 39;
        node = el('path', { d: `M${cx} ${cy - 6}L${cx + 6} ${cy}L${cx} ${cy + 6}L${cx - 6} ${cy}Z`, class: 'item event' }, group);
      }
      const label = describe(it);
      node.setAttribute('aria-label', label);
      node.setAttribute('role', 'button');
      if (focusable) node.setAttribute('tabindex', '0');
      const title = el('title', {}, node);
      title.textContent = label;
      node.addEventListener('click', () => open(it));
      node.addEventListener('keydown', (/** @type {any} */ e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open(it);
        }
      });
    }
    if (!dated.length) {
      const text = el('text', { x: LABEL, y: AXIS + 24 }, svg);
      text.textContent = 'No dated article or event matches the filters.';
    }
    $('summary').textContent = `${inView.length} of ${dated.length} dated items in view · ${undated.length} undated articles`;
    list($('list'), inView.slice(0, MAX_LISTED), (it) => [describe(it), it.value], open);
    $('more').textContent = inView.length > MAX_LISTED ? `${inView.length - MAX_LISTED} more: zoom in or filter to list them.` : '';
    const undatedItems = undated.slice(0, MAX_LISTED).map((i) => ({ kind: 'article', i, file: data.articles[i].file, start: data.articles[i].span.start, end: data.articles[i].span.end }));
    list($('undated'), undatedItems, (it) => [`${data.articles[it.i].headline}`, `${data.articles[it.i].outlet} · ${labels[it.i] || it.file}`], open);
  }

  function list(/** @type {HTMLElement} */ target, /** @type {any[]} */ entries, /** @type {(it: any) => string[]} */ text, /** @type {(it: any) => void} */ action) {
    target.replaceChildren();
    for (const it of entries) {
      const [main, meta] = text(it);
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = main;
      button.addEventListener('click', () => action(it));
      li.appendChild(button);
      if (meta) {
        const span = document.createElement('span');
        span.className = 'meta';
        span.textContent = ` — ${meta}`;
        li.appendChild(span);
      }
      target.appendChild(li);
    }
  }

  function zoom(/** @type {number} */ factor, /** @type {number} */ at = 0.5) {
    if (!view) return;
    const [t0, t1] = view;
    const centre = t0 + (t1 - t0) * at;
    const span = Math.max(DAY * 2, (t1 - t0) * factor);
    view = [centre - span * at, centre + span * (1 - at)];
    moved = true;
    render();
  }

  function pan(/** @type {number} */ share) {
    if (!view) return;
    const shift = (view[1] - view[0]) * share;
    view = [view[0] + shift, view[1] + shift];
    moved = true;
    render();
  }

  $('zoomIn').addEventListener('click', () => zoom(1 / 1.6));
  $('zoomOut').addEventListener('click', () => zoom(1.6));
  $('fit').addEventListener('click', () => {
    view = null;
    moved = false;
    render();
  });
  for (const control of [outletSelect, showEvents]) control.addEventListener('change', () => { view = null; render(); });
  entityInput.addEventListener('input', () => { view = null; render(); });
  chart.addEventListener('keydown', (/** @type {KeyboardEvent} */ e) => {
    const keys = { ArrowLeft: () => pan(-0.1), ArrowRight: () => pan(0.1), '+': () => zoom(1 / 1.6), '=': () => zoom(1 / 1.6), '-': () => zoom(1.6), '0': () => { view = null; render(); } };
    const act = /** @type {Record<string, () => void>} */ (keys)[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  });
  chart.addEventListener('wheel', (/** @type {WheelEvent} */ e) => {
    const box = chart.getBoundingClientRect();
    const at = Math.min(1, Math.max(0, (e.clientX - box.left - LABEL) / Math.max(1, box.width - LABEL - 8)));
    e.preventDefault();
    zoom(e.deltaY > 0 ? 1.25 : 0.8, at);
  }, { passive: false });
  let drag = null;
  chart.addEventListener('pointerdown', (/** @type {PointerEvent} */ e) => {
    if (e.target instanceof Element && e.target.classList.contains('item')) return;
    drag = { x: e.clientX, view };
  });
  window.addEventListener('pointerup', () => { drag = null; });
  window.addEventListener('pointermove', (/** @type {PointerEvent} */ e) => {
    if (!drag || !drag.view) return;
    const width = Math.max(1, chart.clientWidth - LABEL - 8);
    const shift = ((drag.x - e.clientX) / width) * (drag.view[1] - drag.view[0]);
    view = [drag.view[0] + shift, drag.view[1] + shift];
    moved = true;
    render();
  });
  window.addEventListener('resize', () => render());

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'timeline') return;
    data = message.data;
    labels = message.labels || [];
    if (!moved) view = null; // fit the new data
    const chosen = outletSelect.value || saved.outlet || '';
    outletSelect.replaceChildren(new Option('All outlets', ''), ...data.outlets.map((/** @type {string} */ o) => new Option(o, o)));
    outletSelect.value = data.outlets.includes(chosen) ? chosen : '';
    const datalist = $('entities');
    datalist.replaceChildren(...data.entities.slice(0, 500).map((/** @type {[string, string, string]} */ e) => new Option(e[1])));
    render();
  });
  vscode.postMessage({ type: 'ready' });
})();
