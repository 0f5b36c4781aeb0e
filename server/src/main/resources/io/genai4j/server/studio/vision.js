// The vision lesson: a ViT or LeNet trained on MNIST from the page, its validation accuracy charted
// as each evaluation lands, and a grid of test digits with the model's reading (wrong ones marked)
// and, for the ViT, the class token's attention rollout laid over each digit.
import { getJson } from '/studio/api.js';
import { followJob, stopButton } from '/studio/jobs.js';
import { svg } from '/studio/svg.js';

const $ = id => document.getElementById(id);

export function initVision() {
  $('vision-form').addEventListener('submit', e => { e.preventDefault(); startVision(); });
  stopButton('vision', 'vision');
}

/** The tab's first opening: says plainly when MNIST is absent (and keeps the start button off). */
export async function openVision() {
  try {
    const s = await getJson('/studio/api/vision/status');
    if (!s.mnist) {
      $('vision-status').textContent = s.message;
      $('vision-start').disabled = true;
    }
  } catch (e) {
    $('vision-status').textContent = 'Error: ' + e.message;
  }
}

async function startVision() {
  const body = { model: $('vision-model').value, cpu_seconds: Number($('vision-seconds').value), eval_every: Number($('vision-every').value) };
  const steps = Number($('vision-steps').value);
  if (steps > 0) body.max_steps = steps;
  const points = [];
  let model = '';
  $('vision-grid').replaceChildren();
  await followJob('vision', 'vision', body, e => {
    if (e.type === 'start') {
      model = e.model;
      $('vision-status').textContent = `Training a ${e.model} (${e.parameters.toLocaleString('en')} parameters) on ${e.train_images.toLocaleString('en')} digits…`;
    }
    if (e.type === 'step') $('vision-status').textContent = `Step ${e.step}: loss ${e.loss.toFixed(3)}, ${e.cpu_s.toFixed(1)} CPU-s`;
    if (e.type === 'eval') {
      points.push(e);
      drawAccuracy(points);
    }
    if (e.type === 'grid') drawGrid(e);
    if (e.type === 'done') {
      $('vision-status').textContent = `Done: ${e.steps} steps in ${e.cpu_s} CPU-s; best validation accuracy ${(100 * e.best_val_accuracy).toFixed(1)}% at step ${e.best_step}.`;
    }
    if (e.type === 'end' && (e.stopped || e.error)) {
      const last = points[points.length - 1];
      $('vision-status').textContent = `Stopped (${model})` + (last ? `; validation accuracy ${(100 * last.val_accuracy).toFixed(1)}% at step ${last.step}.` : '.')
        + (e.error ? ' Error: ' + e.error : '');
    }
  });
}

/** Validation accuracy (0-100%) by step, a dot per evaluation joined by a line. */
function drawAccuracy(points) {
  const width = 640, height = 220, left = 48, bottom = 28, top = 10, right = 12;
  const lastStep = Math.max(10, ...points.map(p => p.step));
  const x = s => left + (width - left - right) * s / lastStep;
  const y = a => top + (height - top - bottom) * (1 - a);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'curve', role: 'img', 'aria-label': 'Validation accuracy by training step' });
  for (const a of [0, 0.5, 1]) {
    root.append(svg('line', { x1: left, x2: width - right, y1: y(a), y2: y(a), class: 'gridline' }),
      svg('text', { x: left - 6, y: y(a) + 4, 'text-anchor': 'end', class: 'label' }, `${100 * a}%`));
  }
  root.append(svg('text', { x: width - right, y: height - 8, 'text-anchor': 'end', class: 'label' }, 'step ' + lastStep),
    svg('polyline', { points: points.map(p => `${x(p.step)},${y(p.val_accuracy)}`).join(' '), class: 'loss' }));
  for (const p of points) {
    root.append(svg('circle', { cx: x(p.step), cy: y(p.val_accuracy), r: 4, class: 'eval-val' },
      svg('title', {}, `step ${p.step}: ${(100 * p.val_accuracy).toFixed(1)}%`)));
  }
  $('vision-chart').replaceChildren(root);
}

/** The test digits: ink dark on white, the attention (ViT) as a translucent orange per patch, the reading below. */
function drawGrid(g) {
  const scale = 4, side = g.side * scale;
  $('vision-grid').replaceChildren(...g.digits.map((d, k) => {
    const figure = document.createElement('figure');
    const wrong = d.predicted !== d.label;
    figure.className = wrong ? 'digit wrong' : 'digit';
    figure.setAttribute('role', 'listitem');
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = side;
    canvas.setAttribute('aria-label', `test digit ${k + 1}: a ${d.label}, read as ${d.predicted}`);
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(g.side, g.side);
    d.pixels.forEach((v, p) => {
      image.data[4 * p] = image.data[4 * p + 1] = image.data[4 * p + 2] = 255 - v;
      image.data[4 * p + 3] = 255;
    });
    const small = document.createElement('canvas');
    small.width = small.height = g.side;
    small.getContext('2d').putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(small, 0, 0, side, side);
    if (d.attention) {
      const cell = side / d.attention.length;
      d.attention.forEach((row, i) => row.forEach((w, j) => {
        ctx.fillStyle = `rgba(245, 158, 11, ${(0.6 * w).toFixed(3)})`;
        ctx.fillRect(j * cell, i * cell, cell, cell);
      }));
    }
    const caption = document.createElement('figcaption');
    caption.textContent = String(d.predicted);
    if (wrong) caption.title = `wrong: this is a ${d.label}`;
    figure.append(canvas, caption);
    return figure;
  }));
  $('vision-grid-caption').textContent = (g.best ? `The best weights (step ${g.step})` : `After step ${g.step}`)
    + `: ${g.digits.filter(d => d.predicted === d.label).length} of ${g.digits.length} read right`
    + (g.digits[0] && g.digits[0].attention ? '; orange: where the class token looks (attention rollout).' : '.');
}
