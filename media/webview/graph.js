// @ts-check
// The Entity Graph page: sends its filters to the extension, which builds and lays out the graph, and
// draws the answer as SVG with a table of the same entities. Names only ever go into textContent.
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';
  const HEIGHT = 560;
  const LABELLED = 30;
  const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
  const chart = $('chart');
  const outletSelect = $('outlet');
  /** @type {any} */
  let graph = null;
  let timer = 0;

  function query() {
    const types = [...document.querySelectorAll('input[name="type"]')].filter((/** @type {any} */ c) => c.checked).map((/** @type {any} */ c) => c.value);
    const number = (/** @type {string} */ id, /** @type {number} */ fallback) => {
      const n = Math.floor(Number($(id).value));
      return Number.isFinite(n) && n > 0 ? n : fallback;
    };
    return { types, outlet: outletSelect.value || null, minWeight: number('minWeight', 1), limit: Math.min(400, number('limit', 60)), search: $('search').value };
  }

  function send() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = query();
      vscode.setState(q);
      vscode.postMessage({ type: 'query', query: q });
    }, 250);
  }

  function reveal(/** @type {any} */ node) {
    vscode.postMessage({ type: 'reveal', id: node.id });
  }

  function el(/** @type {string} */ name, /** @type {Record<string, string | number>} */ attrs, /** @type {Element} */ parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    parent.appendChild(node);
    return node;
  }

  function render() {
    if (!graph) return;
    chart.replaceChildren();
    const width = Math.max(400, chart.clientWidth || document.body.clientWidth - 24);
    const svg = el('svg', { width, height: HEIGHT, role: 'group', 'aria-label': `Entity graph: ${graph.nodes.length} entities and ${graph.edges.length} links shown of ${graph.total}` }, chart);
    const pad = 40;
    const px = (/** @type {any} */ n) => pad + n.x * (width - 2 * pad);
    const py = (/** @type {any} */ n) => pad + n.y * (HEIGHT - 2 * pad);
    const maxMentions = Math.max(1, ...graph.nodes.map((/** @type {any} */ n) => n.mentions));
    const maxWeight = Math.max(1, ...graph.edges.map((/** @type {any} */ e) => e.weight));
    const radius = (/** @type {any} */ n) => 4 + 16 * Math.sqrt(n.mentions / maxMentions);
    const edges = el('g', {}, svg);
    for (const e of graph.edges) {
      const a = graph.nodes[e.source];
      const b = graph.nodes[e.target];
      el('line', { x1: px(a), y1: py(a), x2: px(b), y2: py(b), class: 'edge', 'stroke-width': (0.5 + 3.5 * (e.weight / maxWeight)).toFixed(2) }, edges);
    }
    const nodes = el('g', {}, svg);
    const labelled = new Set(graph.nodes.map((/** @type {any} */ n, /** @type {number} */ i) => [n, i]).sort((/** @type {any} */ a, /** @type {any} */ b) => b[0].mentions - a[0].mentions).slice(0, LABELLED).map((/** @type {any} */ p) => p[1]));
    graph.nodes.forEach((/** @type {any} */ n, /** @type {number} */ i) => {
      const circle = el('circle', { cx: px(n), cy: py(n), r: radius(n).toFixed(1), class: `node ${n.type}${n.match ? ' match' : ''}`, tabindex: 0, role: 'button' }, nodes);
      const label = `${n.name}, ${n.type}: ${n.mentions} mentions in ${n.articles} articles`;
      circle.setAttribute('aria-label', label);
      const title = el('title', {}, circle);
      title.textContent = label;
      circle.addEventListener('click', () => reveal(n));
      circle.addEventListener('keydown', (/** @type {any} */ e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          reveal(n);
        }
      });
      if (labelled.has(i) || n.match) {
        const text = el('text', { x: px(n) + radius(n) + 2, y: py(n) + 4, class: 'node-label' }, nodes);
        text.textContent = n.name;
      }
    });
    if (!graph.nodes.length) {
      const text = el('text', { x: pad, y: pad }, svg);
      text.textContent = 'No entity matches the filters.';
    }
    $('summary').textContent = `${graph.nodes.length} of ${graph.total} entities · ${graph.edges.length} links`;
    table();
  }

  function table() {
    const body = $('list').querySelector('tbody');
    body.replaceChildren();
    const neighbours = graph.nodes.map(() => /** @type {[number, number][]} */ ([]));
    for (const e of graph.edges) {
      neighbours[e.source].push([e.target, e.weight]);
      neighbours[e.target].push([e.source, e.weight]);
    }
    graph.nodes.forEach((/** @type {any} */ n, /** @type {number} */ i) => {
      const row = document.createElement('tr');
      const name = document.createElement('td');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = n.name;
      button.setAttribute('aria-label', `Reveal ${n.name} in the Entities view`);
      button.addEventListener('click', () => reveal(n));
      name.appendChild(button);
      row.appendChild(name);
      const strongest = neighbours[i].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([j, w]) => `${graph.nodes[j].name} (${w})`).join(', ');
      for (const value of [n.type, String(n.mentions), String(n.articles), strongest || '—']) {
        const cell = document.createElement('td');
        cell.textContent = value;
        row.appendChild(cell);
      }
      body.appendChild(row);
    });
  }

  const saved = vscode.getState();
  if (saved) {
    for (const c of /** @type {any} */ (document.querySelectorAll('input[name="type"]'))) c.checked = (saved.types || []).includes(c.value);
    $('minWeight').value = saved.minWeight || 1;
    $('limit').value = saved.limit || 60;
    $('search').value = saved.search || '';
  }
  for (const c of document.querySelectorAll('input, select')) c.addEventListener(c.id === 'search' ? 'input' : 'change', send);
  window.addEventListener('resize', () => render());
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'graph') return;
    graph = message.graph;
    const chosen = outletSelect.value || (saved && saved.outlet) || '';
    outletSelect.replaceChildren(new Option('All outlets', ''), ...graph.outlets.map((/** @type {string} */ o) => new Option(o, o)));
    outletSelect.value = graph.outlets.includes(chosen) ? chosen : '';
    render();
  });
  vscode.postMessage({ type: 'ready' });
  if (saved) send();
})();
