// The studio's shell: asks for the API key when the server wants one, shows the page named by the
// URL's hash, and starts each page once.
import { getJson, apiKey, setApiKey } from '/studio/api.js';
import { initChat } from '/studio/chat.js';
import { initLessons } from '/studio/lessons.js';
import { initModels } from '/studio/models.js';
import { initRag } from '/studio/rag.js';

const pages = { chat: initChat, lessons: initLessons, rag: initRag, models: initModels };
const started = new Set();

function show(name) {
  if (!pages[name]) name = 'chat';
  for (const section of document.querySelectorAll('.page')) section.hidden = section.id !== 'page-' + name;
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  if (!started.has(name)) {
    started.add(name);
    pages[name]();
  }
}

function askKey() {
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('key-input');
  input.value = apiKey() || '';
  return new Promise(resolve => {
    dialog.addEventListener('close', () => {
      setApiKey(input.value.trim());
      resolve();
    }, { once: true });
    dialog.showModal();
    input.focus();
  });
}

async function start() {
  const auth = await getJson('/studio/api/auth');
  const keyButton = document.getElementById('key-button');
  if (auth.key_required) {
    keyButton.hidden = false;
    keyButton.addEventListener('click', async () => {
      await askKey();
      location.reload();
    });
    if (!apiKey()) await askKey();
  }
  window.addEventListener('hashchange', () => show(location.hash.slice(1)));
  show(location.hash.slice(1));
}

start();
