// The RAG playground: upload or paste documents, index them with progress, ask, and see the chunks
// found with their BM25, dense and hybrid scores and the answer citing them (cited chunks marked).
import { getJson, postJson } from '/studio/api.js';
import { followJob, stopButton } from '/studio/jobs.js';

const $ = id => document.getElementById(id);
const BINARY = /\.pdf$/i;

export function initRag() {
  $('rag-index-start').addEventListener('click', indexDocuments);
  stopButton('rag-index', 'rag/index');
  $('rag-clear').addEventListener('click', clearIndex);
  $('rag-ask-form').addEventListener('submit', e => { e.preventDefault(); ask(); });
  refresh();
}

/** A file as the server reads it: text as text, a PDF as base64. */
async function fromFile(file) {
  if (!BINARY.test(file.name)) return { name: file.name, text: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(binary) };
}

async function indexDocuments() {
  const documents = await Promise.all([...$('rag-files').files].map(fromFile));
  if ($('rag-paste').value.trim()) documents.push({ name: $('rag-paste-name').value.trim() || 'pasted.txt', text: $('rag-paste').value });
  if (!documents.length) {
    $('rag-index-status').textContent = 'Choose files or paste a text first.';
    return;
  }
  const progress = $('rag-progress');
  progress.hidden = false;
  progress.max = documents.length;
  progress.value = 0;
  await followJob('rag-index', 'rag/index', { documents }, e => {
    if (e.type === 'document') {
      progress.value = e.done;
      $('rag-index-status').textContent = `Read ${e.done} of ${e.of}: ${e.name}`;
    }
    if (e.type === 'committed') $('rag-index-status').textContent = `Embedded and indexed ${e.chunks} chunks…`;
    if (e.type === 'indexed') {
      $('rag-index-status').textContent = `Indexed: ${e.added} new, ${e.updated} changed, ${e.unchanged} unchanged; `
        + `${e.chunks} chunks embedded in ${e.seconds.toFixed(1)} s (${e.total_chunks} in the index).`;
    }
    if (e.type === 'end' && e.stopped) $('rag-index-status').textContent = 'Stopped.' + (e.error ? ' Error: ' + e.error : '');
  });
  progress.hidden = true;
  await refresh();
}

async function clearIndex() {
  try {
    const r = await postJson('/studio/api/rag/clear', {});
    $('rag-index-status').textContent = `Cleared ${r.deleted} documents.`;
    await refresh();
  } catch (e) {
    $('rag-index-status').textContent = 'Error: ' + e.message;
  }
}

/** The documents in the index. */
async function refresh() {
  const r = await getJson('/studio/api/rag/status');
  $('rag-documents').replaceChildren(...r.documents.map(d => {
    const li = document.createElement('li');
    li.textContent = `${d.name} (${d.chunks} chunk${d.chunks === 1 ? '' : 's'})`;
    return li;
  }));
  $('rag-ask').disabled = r.documents.length === 0;
}

async function ask() {
  const mode = $('rag-mode').value;
  $('rag-ask-status').textContent = 'Searching…';
  try {
    const r = await postJson('/studio/api/rag/ask', { question: $('rag-question').value, mode, k: Number($('rag-k').value) });
    $('rag-answer').replaceChildren(...rich(r.answer));
    $('rag-sources').replaceChildren(...r.sources.map((s, i) => source(s, i + 1, mode)));
    $('rag-ask-status').textContent = `${r.method === 'extractive' ? 'Extractive answer (no chat model is loaded)' : 'Answer by ' + r.method}; `
      + `cites ${r.cited.length ? r.cited.map(n => '[' + n + ']').join(' ') : 'nothing'} of ${r.sources.length} chunks (${r.mode}).`;
  } catch (e) {
    $('rag-ask-status').textContent = 'Error: ' + e.message;
  }
}

/** The answer's text: [n] links to its source, **words** in bold (the extractive answer marks the question's words). */
function rich(text) {
  return text.split(/(\[\d+\]|\*\*[^*]+\*\*)/).filter(Boolean).map(part => {
    const cite = part.match(/^\[(\d+)\]$/);
    if (cite) {
      const a = document.createElement('a');
      a.href = '#rag-source-' + cite[1];
      a.className = 'cite';
      a.textContent = part;
      a.addEventListener('click', e => { e.preventDefault(); $('rag-source-' + cite[1]).scrollIntoView({ block: 'nearest' }); $('rag-source-' + cite[1]).focus(); });
      return a;
    }
    if (part.startsWith('**')) {
      const b = document.createElement('strong');
      b.textContent = part.slice(2, -2);
      return b;
    }
    return document.createTextNode(part);
  });
}

function source(s, n, mode) {
  const li = document.createElement('li');
  li.id = 'rag-source-' + n;
  li.tabIndex = -1;
  li.className = 'source' + (s.cited ? ' cited' : '');
  const head = document.createElement('div');
  head.className = 'source-head';
  const where = !s.heading ? s.title : s.heading.startsWith(s.title) ? s.heading : s.title + ' › ' + s.heading;   // a heading trail may start with the title
  head.textContent = `[${n}] ${where} · ${s.source}` + (s.cited ? ' (cited)' : '');
  const scores = document.createElement('div');
  scores.className = 'scores';
  for (const [view, label] of [['bm25', 'BM25'], ['dense', 'dense'], ['hybrid', 'hybrid']]) {
    const chip = document.createElement('span');
    chip.className = 'score' + (view === mode ? ' used' : '');
    chip.dataset.view = view;
    chip.textContent = `${label} ${s[view] === null ? '—' : s[view].toFixed(4)}`;
    chip.title = s[view] === null ? `not in the ${label} view's top 50` : `${label} score`;
    scores.append(chip);
  }
  const text = document.createElement('p');
  text.className = 'chunk';
  text.textContent = s.text;
  li.append(head, scores, text);
  return li;
}
