// The lessons page, in course order: n-gram next words, translation attention, GPT sampling with
// its top-5 per step, and GPT attention (bertviz-style model and head views). Each asks the server
// for what the library returns and draws it as SVG.
import { postJson } from '/studio/api.js';
import { svg, shade, heatmap, bars } from '/studio/svg.js';

const $ = id => document.getElementById(id);
const shown = new Set();
const starts = { ngram: showNext, translation: translate, gpt: sampleGpt, attention: showAttention };

export function initLessons() {
  for (const tab of document.querySelectorAll('.lesson-tabs [role=tab]')) tab.addEventListener('click', () => open(tab.dataset.lesson));
  $('ngram-form').addEventListener('submit', e => { e.preventDefault(); showNext(); });
  $('ngram-step').addEventListener('click', sampleWord);
  $('translation-form').addEventListener('submit', e => { e.preventDefault(); translate(); });
  $('gpt-form').addEventListener('submit', e => { e.preventDefault(); sampleGpt(); });
  $('attention-form').addEventListener('submit', e => { e.preventDefault(); showAttention(); });
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
  try {
    $(statusId).textContent = 'Working…';
    await work();
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
    const grid = $('attention-grid');
    grid.style.gridTemplateColumns = `repeat(${r.heads}, auto)`;
    const thumbs = [];
    r.weights.forEach((layer, l) => layer.forEach((m, h) => {
      const t = r.tokens.length, px = Math.max(2, Math.floor(72 / t));
      const box = svg('svg', { width: t * px, height: t * px, viewBox: `0 0 ${t * px} ${t * px}`, class: 'thumb', tabindex: 0, role: 'button',
        'aria-label': `layer ${l + 1}, head ${h + 1}`, 'data-layer': l, 'data-head': h });
      m.forEach((row, i) => row.forEach((w, j) => { if (w > 0.01) box.append(svg('rect', { x: j * px, y: i * px, width: px, height: px, fill: shade(w) })); }));
      const pick = () => selectHead(r, l, h, thumbs, box);
      box.addEventListener('click', pick);
      box.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
      thumbs.push(box);
    }));
    grid.replaceChildren(...thumbs);
    selectHead(r, r.layers - 1, 0, thumbs, thumbs[(r.layers - 1) * r.heads]);
  });
}

/** bertviz's head view: the tokens twice, a line from each query to each key it attends to. */
function selectHead(r, l, h, thumbs, box) {
  for (const t of thumbs) t.classList.toggle('selected', t === box);
  $('attention-head-title').textContent = `Layer ${l + 1}, head ${h + 1}: hover a character on the left`;
  const m = r.weights[l][h], t = r.tokens.length, rowH = 20, width = 260, height = t * rowH + 10;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'headview' });
  const lines = svg('g', {});
  root.append(lines);
  const label = (x, i, anchor, cls) => svg('text', { x, y: 18 + i * rowH, 'text-anchor': anchor, class: cls, 'data-index': i }, r.tokens[i] === ' ' ? '␣' : r.tokens[i]);
  const draw = i => {
    lines.replaceChildren(...m[i].map((w, j) => svg('line', { x1: 70, y1: 13 + i * rowH, x2: 190, y2: 13 + j * rowH,
      stroke: '#1a56db', 'stroke-width': 1 + 5 * w, 'stroke-opacity': w })));
    for (const k of root.querySelectorAll('.key')) k.style.fill = m[i][k.dataset.index] > 0.1 ? '#1a56db' : '';
    const best = m[i].indexOf(Math.max(...m[i]));
    $('attention-readout').textContent = `“${r.tokens[i]}” (position ${i + 1}) looks most at “${r.tokens[best]}” (position ${best + 1}): ${(100 * m[i][best]).toFixed(1)}%.`;
  };
  for (let i = 0; i < t; i++) {
    const q = label(60, i, 'end', 'query');
    q.setAttribute('tabindex', 0);
    q.addEventListener('mouseenter', () => draw(i));
    q.addEventListener('focus', () => draw(i));
    root.append(q, label(200, i, 'start', 'key'));
  }
  $('attention-head').replaceChildren(root);
  draw(t - 1);
}
