// The models page: what this server runs and what the cache holds, and a tokenizer playground over
// the loaded model's /tokenize (llama-server's endpoint, with pieces).
import { getJson, postJson } from '/studio/api.js';

const $ = id => document.getElementById(id);

export async function initModels() {
  $('tokenizer-form').addEventListener('submit', e => { e.preventDefault(); tokenize(); });
  const info = await getJson('/studio/api/models');
  const loaded = $('loaded');
  if (!info.loaded) {
    loaded.textContent = 'No chat model is loaded (start with genai studio MODEL or genai serve MODEL).';
  } else {
    const rows = [['name', info.loaded.name]];
    if (info.loaded.description) rows.push(['description', info.loaded.description]);
    if (info.loaded.vocabulary) rows.push(['vocabulary', info.loaded.vocabulary.toLocaleString('en') + ' tokens']);
    for (const [k, v] of Object.entries(info.loaded.config || {})) rows.push([k, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
    if (info.embeddings) rows.push(['embeddings', info.embeddings]);
    loaded.replaceChildren(table(['field', 'value'], rows, 'loaded-table'));
  }
  $('cached').replaceChildren(info.cached.length
    ? table(['name', 'size', 'files', 'modified'], info.cached.map(m => [m.name, size(m.bytes), String(m.files), m.modified.slice(0, 16).replace('T', ' ')]), 'cached-table')
    : text('Nothing yet: genai pull OWNER/REPO downloads a model.'));

  const local = info.loaded && info.loaded.local;
  $('tokenize').disabled = !local;
  if (!local) $('tokenizer-status').textContent = 'The playground needs a model running in this server.';
  if (local) tokenize();
}

async function tokenize() {
  try {
    const r = await postJson('/tokenize', { content: $('tokenizer-text').value, with_pieces: true });
    $('tokens').replaceChildren(...r.tokens.map(t => {
      const chip = document.createElement('span');
      chip.className = 'token';
      const piece = document.createElement('span');
      piece.className = 'piece';
      // a piece that is not whole UTF-8 arrives as its bytes
      piece.textContent = Array.isArray(t.piece) ? t.piece.map(b => '<0x' + b.toString(16).toUpperCase().padStart(2, '0') + '>').join('')
        : t.piece.replace(/ /g, '·').replace(/\n/g, '⏎');
      if (Array.isArray(t.piece)) chip.classList.add('bytes');
      const id = document.createElement('small');
      id.className = 'id';
      id.textContent = t.id;
      chip.append(piece, id);
      return chip;
    }));
    $('tokenizer-status').textContent = `${r.tokens.length} tokens for ${[...$('tokenizer-text').value].length} characters.`;
  } catch (e) {
    $('tokenizer-status').textContent = 'Error: ' + e.message;
  }
}

function table(head, rows, id) {
  const t = document.createElement('table');
  t.id = id;
  t.className = 'kv';
  const tr = document.createElement('tr');
  for (const h of head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    tr.append(th);
  }
  t.append(tr);
  for (const r of rows) {
    const row = document.createElement('tr');
    for (const c of r) {
      const td = document.createElement('td');
      td.textContent = c;
      row.append(td);
    }
    t.append(row);
  }
  return t;
}

function text(s) {
  const p = document.createElement('p');
  p.textContent = s;
  return p;
}

function size(bytes) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0, v = bytes;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return v.toFixed(i ? 1 : 0) + ' ' + units[i];
}
