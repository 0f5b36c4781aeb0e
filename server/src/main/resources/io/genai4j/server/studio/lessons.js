// The lessons page, in course order: n-gram next words, word vectors, translation attention, BERT
// attention, GPT sampling with its top-5 per step, GPT attention (bertviz-style model and head
// views), training curves, the ladder and vision (in vision.js). Each asks the server
// for what the library returns and draws it as SVG.
import { postJson } from '/studio/api.js';
import { followJob, stopButton } from '/studio/jobs.js';
import { svg, shade, heatmap, bars } from '/studio/svg.js';
import { initVision, openVision } from '/studio/vision.js';

const $ = id => document.getElementById(id);
const shown = new Set();
const starts = { ngram: showNext, word2vec: () => analogy().then(drawMap), translation: translate, bert: showBert, gpt: sampleGpt, attention: showAttention, training: () => {}, generative: drawDigits, ladder: runLadder, vision: openVision };

export function initLessons() {
  for (const tab of document.querySelectorAll('.lesson-tabs [role=tab]')) tab.addEventListener('click', () => open(tab.dataset.lesson));
  $('ngram-form').addEventListener('submit', e => { e.preventDefault(); showNext(); });
  $('ngram-step').addEventListener('click', sampleWord);
  $('analogy-form').addEventListener('submit', e => { e.preventDefault(); analogy(); });
  $('map-form').addEventListener('submit', e => { e.preventDefault(); drawMap(); });
  $('translation-form').addEventListener('submit', e => { e.preventDefault(); translate(); });
  $('gpt-form').addEventListener('submit', e => { e.preventDefault(); sampleGpt(); });
  $('attention-form').addEventListener('submit', e => { e.preventDefault(); showAttention(); });
  $('bert-form').addEventListener('submit', e => { e.preventDefault(); showBert(); });
  $('bert-layer').addEventListener('change', () => bertMaps && bertHead());
  $('bert-head').addEventListener('change', () => bertMaps && bertHead());
  $('training-form').addEventListener('submit', e => { e.preventDefault(); startTraining(); });
  stopButton('training', 'training');
  $('generative-form').addEventListener('submit', e => { e.preventDefault(); drawDigits(); });
  $('generative-model').addEventListener('change', drawDigits);
  $('generative-again').addEventListener('click', () => { $('generative-seed').value = Number($('generative-seed').value) + 1; drawDigits(); });
  $('ladder-form').addEventListener('submit', e => { e.preventDefault(); runLadder(); });
  stopButton('ladder', 'ladder');
  initVision();
  open('ngram');
}

/** Shows one lesson (and computes its first picture the first time). */
function open(name) {
  for (const tab of document.querySelectorAll('.lesson-tabs [role=tab]')) {
    const on = tab.dataset.lesson === name;
    tab.setAttribute('aria-selected', on);
    $(tab.getAttribute('aria-controls')).hidden = !on;
  }
  if (!shown.has(name)) {
    shown.add(name);
    starts[name]();
  }
}

/** Runs a lesson request, reporting a refusal (an unknown word, say) in the lesson's status line. */
async function run(statusId, work) {
  const working = 'Working…';
  try {
    $(statusId).textContent = working;
    await work();
    if ($(statusId).textContent === working) $(statusId).textContent = '';
  } catch (e) {
    $(statusId).textContent = 'Error: ' + e.message;
  }
}

// ------------------------------------------------------------------------------------------ n-grams

function showNext() {
  return run('ngram-status', async () => {
    const context = $('ngram-context').value;
    const r = await postJson('/studio/api/lessons/ngram/next', { context, top: 12 });
    const chart = bars(r.next.map(n => ({ label: n.token, value: n.probability })), v => v.toFixed(3), item => {
      $('ngram-context').value = (context.trimEnd() + ' ' + item.label).trimStart();
      showNext();
    });
    $('ngram-chart').replaceChildren(chart);
    const mass = r.next.reduce((s, n) => s + n.probability, 0);
    $('ngram-caption').textContent = `After “${context}”: the ${r.next.length} likeliest of ${r.vocabulary.toLocaleString('en')} words `
      + `(order ${r.order}, ${r.smoothing}) hold ${(100 * mass).toFixed(0)}% of the probability. Pick a bar to add its word.`;
    $('ngram-status').textContent = '';
  });
}

let ngramSeed = 1;

function sampleWord() {
  return run('ngram-status', async () => {
    const r = await postJson('/studio/api/lessons/ngram/sample',
      { context: $('ngram-context').value, temperature: Number($('ngram-temperature').value), seed: ngramSeed++ });
    $('ngram-context').value = r.text;
    await showNext();
    $('ngram-status').textContent = 'Drew “' + r.token + '”.';
  });
}

// ---------------------------------------------------------------------------------------- word2vec

function analogy() {
  return run('word2vec-status', async () => {
    const q = { a: $('analogy-a').value, b: $('analogy-b').value, c: $('analogy-c').value };
    const r = await postJson('/studio/api/lessons/word2vec/analogy', q);
    $('analogy-chart').replaceChildren(bars(r.answers.map(n => ({ label: n.word, value: n.cosine })), v => v.toFixed(3)));
    $('word2vec-status').textContent = `${r.a} : ${r.b} :: ${r.c} : ${r.answers[0].word} (cosine ${r.answers[0].cosine.toFixed(3)}; `
      + `${r.vocabulary.toLocaleString('en')} words, ${r.epochs} epochs)`;
  });
}

function drawMap() {
  return run('map-status', async () => {
    const items = $('map-items').value.split(/[\s,]+/).filter(Boolean);
    const r = await postJson('/studio/api/lessons/word2vec/map', { items });
    const width = 520, height = 380, pad = 50;
    const xs = r.words.map(w => w.x), ys = r.words.map(w => w.y);
    const sx = v => pad + (width - 2 * pad) * (v - Math.min(...xs)) / Math.max(Math.max(...xs) - Math.min(...xs), 1e-9);
    const sy = v => height - pad - (height - 2 * pad) * (v - Math.min(...ys)) / Math.max(Math.max(...ys) - Math.min(...ys), 1e-9);
    const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'wordmap', role: 'img', 'aria-label': 'Words on their two principal components' },
      svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }))));
    for (const [a, b] of r.arrows) {
      root.append(svg('line', { x1: sx(r.words[a].x), y1: sy(r.words[a].y), x2: sx(r.words[b].x), y2: sy(r.words[b].y), class: 'arrow', 'marker-end': 'url(#arrow)' }));
    }
    for (const w of r.words) {
      root.append(svg('circle', { cx: sx(w.x), cy: sy(w.y), r: 5, class: 'word ' + w.role }),
        svg('text', { x: sx(w.x) + 8, y: sy(w.y) - 6, class: 'label', 'data-word': w.word }, w.word));
    }
    $('word-map').replaceChildren(root);
  });
}

// -------------------------------------------------------------------------------------- translation

function translate() {
  return run('translation-readout', async () => {
    const r = await postJson('/studio/api/lessons/translation', { sentence: $('translation-sentence').value });
    $('translation-output').textContent = r.source + ' → ' + r.translation;
    let last = null;
    const map = heatmap(r.attention, r.target_pieces, r.source_pieces, (i, j, cell) => {
      if (last) last.classList.remove('hot');
      cell.classList.add('hot');
      last = cell;
      $('translation-readout').textContent =
        `Writing “${r.target_pieces[i]}”, the decoder gave “${r.source_pieces[j]}” ${(100 * r.attention[i][j]).toFixed(1)}% of its attention.`;
    });
    map.setAttribute('aria-label', 'Attention of each French token (rows) over the English tokens (columns)');
    $('translation-heatmap').replaceChildren(map);
    $('translation-readout').textContent = `${r.layers} layers, ${r.heads} heads; hover a cell.`;
  });
}

// ------------------------------------------------------------------------------------- GPT sampling

function sampleGpt() {
  return run('gpt-text', async () => {
    const r = await postJson('/studio/api/lessons/gpt/sample', {
      prompt: $('gpt-prompt').value, tokens: Number($('gpt-tokens').value),
      temperature: Number($('gpt-temperature').value), seed: Number($('gpt-seed').value),
    });
    $('gpt-text').textContent = r.prompt + r.steps.map(s => s.text).join('');
    const table = $('gpt-steps');
    const caption = table.querySelector('caption');
    const head = document.createElement('tr');
    for (const h of ['step', 'drawn', 'top 5 (probability)']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.append(th);
    }
    const rows = r.steps.map((s, k) => {
      const tr = document.createElement('tr');
      const step = document.createElement('td');
      step.textContent = k + 1;
      const drawn = document.createElement('td');
      drawn.className = 'tok';
      drawn.textContent = s.token;
      const top = document.createElement('td');
      for (const c of s.top) {
        const chip = document.createElement('span');
        chip.className = 'chip' + (c.token === s.token ? ' drawn' : '');
        chip.style.background = shade(c.probability);
        chip.style.color = c.probability > 0.55 ? '#fff' : '#111';
        chip.textContent = c.token + ' ' + c.probability.toFixed(2);
        top.append(chip);
      }
      tr.append(step, drawn, top);
      return tr;
    });
    table.replaceChildren(caption, head, ...rows);
  });
}

// ------------------------------------------------------------------------------------ GPT attention

function showAttention() {
  return run('attention-readout', async () => {
    const r = await postJson('/studio/api/lessons/gpt/attention', { text: $('attention-text').value });
    const pick = (l, h, thumbs, box) => selectHead(r, l, h, thumbs, box);
    const thumbs = modelView(r, $('attention-grid'), pick);
    pick(r.layers - 1, 0, thumbs, thumbs[(r.layers - 1) * r.heads]);
  });
}

/**
 * bertviz's model view: a small heatmap per layer (rows) and head (columns) in {@code grid}; a click,
 * Enter or Space on one calls pick(layer, head, thumbs, thumb). Returns the thumbs, layer-major.
 */
function modelView(r, grid, pick) {
  grid.style.gridTemplateColumns = `repeat(${r.heads}, auto)`;
  const thumbs = [];
  r.weights.forEach((layer, l) => layer.forEach((m, h) => {
    const t = r.tokens.length, px = Math.max(2, Math.floor(72 / t));
    const box = svg('svg', { width: t * px, height: t * px, viewBox: `0 0 ${t * px} ${t * px}`, class: 'thumb', tabindex: 0, role: 'button',
      'aria-label': `layer ${l + 1}, head ${h + 1}`, 'data-layer': l, 'data-head': h });
    m.forEach((row, i) => row.forEach((w, j) => { if (w > 0.01) box.append(svg('rect', { x: j * px, y: i * px, width: px, height: px, fill: shade(w) })); }));
    const choose = () => pick(l, h, thumbs, box);
    box.addEventListener('click', choose);
    box.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(); } });
    thumbs.push(box);
  }));
  grid.replaceChildren(...thumbs);
  return thumbs;
}

/** The GPT's head view for one layer and head. */
function selectHead(r, l, h, thumbs, box) {
  for (const t of thumbs) t.classList.toggle('selected', t === box);
  $('attention-head-title').textContent = `Layer ${l + 1}, head ${h + 1}: hover a character on the left`;
  $('attention-head').replaceChildren(headView(r.tokens, r.weights[l][h], 'attention-readout', t => t === ' ' ? '␣' : t));
}

/**
 * bertviz's head view: the tokens twice, a line from the hovered (or focused) query on the left to
 * each key on the right, as thick as its weight m[query][key]; the readout names the strongest key.
 */
function headView(tokens, m, readoutId, show = t => t) {
  const t = tokens.length, rowH = 20, width = 260, height = t * rowH + 10;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'headview' });
  const lines = svg('g', {});
  root.append(lines);
  const label = (x, i, anchor, cls) => svg('text', { x, y: 18 + i * rowH, 'text-anchor': anchor, class: cls, 'data-index': i }, show(tokens[i]));
  const draw = i => {
    lines.replaceChildren(...m[i].map((w, j) => svg('line', { x1: 70, y1: 13 + i * rowH, x2: 190, y2: 13 + j * rowH,
      stroke: '#1a56db', 'stroke-width': 1 + 5 * w, 'stroke-opacity': w })));
    for (const k of root.querySelectorAll('.key')) k.style.fill = m[i][k.dataset.index] > 0.1 ? '#1a56db' : '';
    const best = m[i].indexOf(Math.max(...m[i]));
    $(readoutId).textContent = `“${tokens[i]}” (position ${i + 1}) looks most at “${tokens[best]}” (position ${best + 1}): ${(100 * m[i][best]).toFixed(1)}%.`;
  };
  for (let i = 0; i < t; i++) {
    const q = label(60, i, 'end', 'query');
    q.setAttribute('tabindex', 0);
    q.addEventListener('mouseenter', () => draw(i));
    q.addEventListener('focus', () => draw(i));
    root.append(q, label(200, i, 'start', 'key'));
  }
  draw(t - 1);
  return root;
}

// ----------------------------------------------------------------------------------- BERT attention

let bertMaps = null;

function showBert() {
  return run('bert-readout', async () => {
    const r = await postJson('/studio/api/lessons/bert/attention', { text: $('bert-text').value });
    bertMaps = r;
    $('bert-tokens').replaceChildren(...r.tokens.map((t, i) => {
      const chip = document.createElement('span');
      chip.className = 'token';
      const piece = document.createElement('span');
      piece.className = 'piece';
      piece.textContent = t;
      const id = document.createElement('span');
      id.className = 'id';
      id.textContent = r.ids[i];
      chip.append(piece, id);
      return chip;
    }));
    const options = (select, n, what) => {
      const keep = Math.min(Number(select.value) || 0, n - 1);
      select.replaceChildren(...Array.from({ length: n }, (_, k) => new Option(`${what} ${k + 1}`, k)));
      select.value = keep;
    };
    options($('bert-layer'), r.layers, 'layer');
    options($('bert-head'), r.heads, 'head');
    modelView(r, $('bert-grid'), (l, h) => {
      $('bert-layer').value = l;
      $('bert-head').value = h;
      bertHead();
    });
    bertHead();
  });
}

/** The chosen layer's and head's heatmap (hover a cell) and head view (hover a token). */
function bertHead() {
  const r = bertMaps, l = Number($('bert-layer').value), h = Number($('bert-head').value), m = r.weights[l][h];
  for (const t of $('bert-grid').children) t.classList.toggle('selected', Number(t.dataset.layer) === l && Number(t.dataset.head) === h);
  $('bert-head-title').textContent = `Layer ${l + 1}, head ${h + 1}`;
  let last = null;
  const map = heatmap(m, r.tokens, r.tokens, (i, j, cell) => {
    if (last) last.classList.remove('hot');
    cell.classList.add('hot');
    last = cell;
    $('bert-readout').textContent = `“${r.tokens[i]}” gives “${r.tokens[j]}” ${(100 * m[i][j]).toFixed(1)}% of its attention (layer ${l + 1}, head ${h + 1}).`;
  }, 22);
  map.setAttribute('aria-label', `Attention of each token (rows) over the tokens (columns), layer ${l + 1}, head ${h + 1}`);
  $('bert-heatmap').replaceChildren(map);
  $('bert-headview').replaceChildren(headView(r.tokens, m, 'bert-readout'));
}

// ---------------------------------------------------------------------------------- training curves

async function startTraining() {
  const steps = Number($('training-steps').value);
  const curve = { steps, losses: [], evals: [] };
  let drawPending = false;
  await followJob('training', 'training', { steps, eval_every: Number($('training-every').value) }, e => {
    if (e.type === 'start') $('training-status').textContent = `Training ${e.model} (${e.parameters.toLocaleString('en')} parameters)…`;
    if (e.type === 'step') {
      curve.losses.push([e.step, e.loss]);
      $('training-status').textContent = `Step ${e.step} of ${steps}: loss ${e.loss.toFixed(3)}`;
    }
    if (e.type === 'eval') curve.evals.push(e);
    if (e.type === 'end') {
      const last = curve.evals[curve.evals.length - 1];
      $('training-status').textContent = (e.stopped ? 'Stopped' : 'Done') + ` after ${curve.losses.length} steps`
        + (last ? `; validation loss ${last.val.toFixed(3)} at step ${last.step}.` : '.') + (e.error ? ' Error: ' + e.error : '');
    }
    if (!drawPending) {           // one redraw per frame, however fast the steps come
      drawPending = true;
      requestAnimationFrame(() => { drawPending = false; drawCurve(curve); });
    }
  });
  drawCurve(curve);
}

function drawCurve(curve) {
  const width = 640, height = 300, left = 48, bottom = 28, top = 10, right = 12;
  const ys = [...curve.losses.map(p => p[1]), ...curve.evals.flatMap(e => [e.train, e.val])];
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'curve', role: 'img', 'aria-label': 'Loss by training step' });
  if (ys.length) {
    const lo = Math.min(...ys), hi = Math.max(...ys), span = Math.max(hi - lo, 1e-6);
    // the axis grows with the run, so a short or stopped run fills the chart
    const lastStep = Math.max(10, ...curve.losses.map(p => p[0]), ...curve.evals.map(e => e.step));
    const x = s => left + (width - left - right) * s / lastStep;
    const y = v => top + (height - top - bottom) * (hi - v) / span;
    for (const v of [lo, (lo + hi) / 2, hi]) {
      root.append(svg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: 'gridline' }),
        svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'label' }, v.toFixed(2)));
    }
    root.append(svg('text', { x: width - right, y: height - 8, 'text-anchor': 'end', class: 'label' }, 'step ' + lastStep),
      svg('polyline', { points: curve.losses.map(([s, l]) => `${x(s)},${y(l)}`).join(' '), class: 'loss' }));
    for (const e of curve.evals) {
      root.append(svg('circle', { cx: x(e.step), cy: y(e.train), r: 4, class: 'eval-train' }, svg('title', {}, `step ${e.step}: train ${e.train}`)),
        svg('circle', { cx: x(e.step), cy: y(e.val), r: 4, class: 'eval-val' }, svg('title', {}, `step ${e.step}: validation ${e.val}`)));
    }
  }
  $('training-chart').replaceChildren(root);
}

// --------------------------------------------------------------------------------- image generation

/** A shipped generator's digits from the chosen seed, each on a canvas with the classifier's reading. */
function drawDigits() {
  return run('generative-status', async () => {
    const r = await postJson('/studio/api/lessons/generative', { model: $('generative-model').value, seed: Number($('generative-seed').value), samples: 20 });
    $('generative-grid').replaceChildren(...r.images.map((img, k) => {
      const figure = document.createElement('figure');
      figure.className = 'digit';
      figure.setAttribute('role', 'listitem');
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = r.side;
      canvas.setAttribute('aria-label', `sample ${k + 1}, read as ${img.label}`);
      const ctx = canvas.getContext('2d');
      const data = ctx.createImageData(r.side, r.side);
      img.pixels.forEach((v, p) => {           // ink dark on white: MNIST's 1 is ink
        data.data[4 * p] = data.data[4 * p + 1] = data.data[4 * p + 2] = 255 - v;
        data.data[4 * p + 3] = 255;
      });
      ctx.putImageData(data, 0, 0);
      const caption = document.createElement('figcaption');
      caption.textContent = img.label;
      figure.append(canvas, caption);
      return figure;
    }));
    const distinct = new Set(r.images.map(i => i.label)).size;
    const t = r.train || {};
    $('generative-status').textContent = `${r.title}, seed ${r.seed}: ${distinct} different digits among ${r.images.length}`
      + (t.steps ? ` (trained ${t.steps} steps, ${t.cpu_seconds} CPU-s).` : '.');
  });
}

// ------------------------------------------------------------------------------------------- ladder

/** The ladder: each rung's validation loss as it lands, a bar per model coloured by family, and the table. */
function runLadder() {
  const rows = [];
  let total = 0, uniform = 0;
  return followJob('ladder', 'ladder', { rungs: $('ladder-neural').checked ? 'all' : 'counting' }, e => {
    if (e.type === 'start') {
      total = e.rungs;
      uniform = Math.log(e.vocabulary);
      $('ladder-status').textContent = `Scoring ${total} models on the last 10% of ${e.corpus} (${e.val_chars.toLocaleString('en')} characters)…`;
    }
    if (e.type === 'rung') {
      rows.push(e);
      drawLadder(rows, uniform);
      $('ladder-status').textContent = `${rows.length} of ${total}: ${e.model} pays ${e.val_nats_per_char.toFixed(3)} nats per character.`;
    }
    if (e.type === 'end') {
      const best = rows.reduce((a, r) => (!a || r.val_nats_per_char < a.val_nats_per_char ? r : a), null);
      $('ladder-status').textContent = (e.stopped ? `Stopped after ${rows.length} of ${total} models` : `Done: ${rows.length} models`)
        + (best ? `; the best is ${best.model} at ${best.val_nats_per_char.toFixed(3)} nats/char.` : '.') + (e.error ? ' Error: ' + e.error : '');
    }
  });
}

function drawLadder(rows, uniform) {
  const items = rows.map(r => ({ label: r.model, value: r.val_nats_per_char, cls: 'family-' + r.family.toLowerCase().replace(/[^a-z]+/g, '') }));
  const chart = bars(items, v => `${v.toFixed(3)} nats/char (${(v / Math.LN2).toFixed(2)} bits)`);
  chart.setAttribute('aria-label', `Validation loss per model; knowing nothing would cost ln V = ${uniform.toFixed(2)} nats per character`);
  $('ladder-chart').replaceChildren(chart);
  const table = $('ladder-table');
  const caption = table.querySelector('caption');
  const row = (cells, tag) => {
    const tr = document.createElement('tr');
    for (const c of cells) {
      const td = document.createElement(tag);
      if (tag === 'th') td.scope = 'col';
      td.textContent = c;
      tr.append(td);
    }
    return tr;
  };
  table.replaceChildren(caption, row(['model', 'size', 'nats/char', 'bits/char', 'seconds', 'sample'], 'th'),
    ...rows.map(r => row([r.model, `${r.size.toLocaleString('en')} ${r.size_unit}`, r.val_nats_per_char.toFixed(4),
      r.val_bits_per_char.toFixed(4), r.seconds.toFixed(1), r.sample.replace(/\n/g, ' ⏎ ')], 'td')));
}
