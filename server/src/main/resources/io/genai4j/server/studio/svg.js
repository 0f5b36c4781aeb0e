// Small SVG helpers for the lessons' charts: elements with attributes, a heatmap and bars.
const NS = 'http://www.w3.org/2000/svg';

export function svg(name, attrs = {}, ...children) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** A cell's colour: white (0) to deep blue (1). */
export function shade(w) {
  const t = Math.max(0, Math.min(1, w));
  const r = Math.round(255 - 229 * t), g = Math.round(255 - 169 * t), b = Math.round(255 - 36 * t);
  return `rgb(${r},${g},${b})`;
}

/**
 * A labelled heatmap of matrix[row][col]; onCell(row, col, cellElement) on hover and focus (cells are
 * focusable, so a keyboard reaches them too). Returns the <svg>.
 */
export function heatmap(matrix, rowLabels, colLabels, onCell, cell = 28) {
  const left = 8 + 8 * Math.max(...rowLabels.map(l => l.length), 1);
  const top = 8 + 8 * Math.max(...colLabels.map(l => l.length), 1);
  const width = left + cell * colLabels.length + 4, height = top + cell * rowLabels.length + 4;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'heatmap' });
  colLabels.forEach((l, j) => {
    const x = left + j * cell + cell / 2;
    root.append(svg('text', { x, y: top - 6, transform: `rotate(-60 ${x} ${top - 6})`, class: 'label' }, l));
  });
  rowLabels.forEach((l, i) => root.append(svg('text', { x: left - 6, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'end', class: 'label' }, l)));
  matrix.forEach((row, i) => row.forEach((w, j) => {
    const r = svg('rect', { x: left + j * cell, y: top + i * cell, width: cell - 1, height: cell - 1, fill: shade(w), tabindex: 0,
      class: 'cell', 'data-row': i, 'data-col': j }, svg('title', {}, `${rowLabels[i]} → ${colLabels[j]}: ${w.toFixed(3)}`));
    const show = () => onCell(i, j, r);
    r.addEventListener('mouseenter', show);
    r.addEventListener('focus', show);
    root.append(r);
  }));
  return root;
}

/**
 * Horizontal bars of items [{label, value, cls}] scaled to the largest (cls: an extra class of the
 * bar, to colour it); onClick(item) when a bar is picked.
 */
export function bars(items, format, onClick) {
  const rowH = 26, left = Math.max(110, 16 + 7 * Math.max(...items.map(i => i.label.length))), width = 410 + left;
  const max = Math.max(...items.map(i => i.value), 1e-12);
  const root = svg('svg', { viewBox: `0 0 ${width} ${rowH * items.length + 4}`, class: 'bars', role: 'list' });
  items.forEach((item, k) => {
    const y = k * rowH + 2, w = (width - left - 70) * item.value / max;
    const g = svg('g', { role: 'listitem', tabindex: 0, class: item.cls ? 'bar ' + item.cls : 'bar', 'data-label': item.label },
      svg('text', { x: left - 8, y: y + 17, 'text-anchor': 'end', class: 'label' }, item.label),
      svg('rect', { x: left, y: y + 3, width: Math.max(w, 1), height: rowH - 8, rx: 3 }),
      svg('text', { x: left + w + 6, y: y + 17, class: 'value' }, format(item.value)));
    if (onClick) {
      g.addEventListener('click', () => onClick(item));
      g.addEventListener('keydown', e => { if (e.key === 'Enter') onClick(item); });
    }
    root.append(g);
  });
  return root;
}
