// The chat page: a conversation streamed from /v1/chat/completions, with the sampling settings, a
// system prompt, the studio's tools (each call and result shown in a trace), JSON-schema output,
// stop, regenerate and export. The conversation is kept in OpenAI's message format, so export is
// exactly what the server was sent.
import { getJson, postJson, postStream } from '/studio/api.js';

const MAX_TOOL_ROUNDS = 4;
const $ = id => document.getElementById(id);

let messages = [];        // the conversation, system prompt excluded (it is read when sending)
let tools = [];           // the studio's tools as the request's "tools" field
let controller = null;    // aborts the answer in flight

export async function initChat() {
  const status = await getJson('/studio/api/status');
  tools = (await getJson('/studio/api/tools')).tools;
  // on a phone the settings fold away so the conversation fits; on a desktop they sit beside it
  const narrow = window.matchMedia('(max-width: 700px)');
  $('chat-settings').open = !narrow.matches;
  narrow.addEventListener('change', () => { $('chat-settings').open = !narrow.matches; });

  for (const [range, out] of [['temperature', 'temperature-value'], ['top-p', 'top-p-value']]) {
    $(range).addEventListener('input', () => { $(out).value = $(range).value; });
  }
  $('use-schema').addEventListener('change', () => { $('schema').hidden = !$('use-schema').checked; });
  $('composer').addEventListener('submit', e => { e.preventDefault(); send(); });
  $('prompt').addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
  });
  document.addEventListener('keydown', e => { if (e.key === 'Escape' && controller) stop(); });
  $('stop').addEventListener('click', stop);
  $('regenerate').addEventListener('click', regenerate);
  $('export').addEventListener('click', exportConversation);
  $('clear').addEventListener('click', () => { messages = []; render(); setStatus(''); });
  // the picker last: once it names the model, the page is ready for input
  const select = $('model');
  if (status.chat_model) {
    select.replaceChildren(new Option(status.chat_model, status.chat_model));
  } else {
    select.replaceChildren(new Option('no model loaded', ''));
    select.disabled = true;
    setStatus('No chat model here: start the studio with one (genai studio MODEL or genai serve MODEL).');
  }
  render();
}

function setStatus(text) {
  $('chat-status').textContent = text;
}

function busy(on) {
  $('send').disabled = on || $('model').disabled;
  $('stop').disabled = !on;
  $('regenerate').disabled = on || !messages.some(m => m.role === 'user');
}

function send() {
  const text = $('prompt').value;
  if (!text.trim() || controller || $('model').disabled) return;
  $('prompt').value = '';
  messages.push({ role: 'user', content: text });
  render();
  answer();
}

function stop() {
  if (controller) controller.abort();
}

/** Drops the last answer (with its tool calls and results) and asks again. */
function regenerate() {
  if (controller) return;
  while (messages.length && messages[messages.length - 1].role !== 'user') messages.pop();
  if (!messages.length) return;
  render();
  answer();
}

/** The request for the conversation as it stands, or null (with the reason shown) when a setting is invalid. */
function request() {
  const system = $('system').value.trim();
  const body = {
    model: $('model').value,
    messages: system ? [{ role: 'system', content: system }, ...messages] : [...messages],
    stream: true,
    stream_options: { include_usage: true },
    temperature: Number($('temperature').value),
    top_p: Number($('top-p').value),
    max_tokens: Number($('max-tokens').value),
  };
  if ($('use-tools').checked) body.tools = tools;
  $('schema-error').hidden = true;
  if ($('use-schema').checked) {
    let schema;
    try {
      schema = JSON.parse($('schema').value);
    } catch (e) {
      $('schema-error').textContent = 'The JSON schema does not parse: ' + e.message;
      $('schema-error').hidden = false;
      return null;
    }
    body.response_format = { type: 'json_schema', json_schema: { name: 'studio', schema, strict: true } };
  }
  return body;
}

/** Streams the model's answer; runs the tools it calls and streams again, up to MAX_TOOL_ROUNDS times. */
async function answer() {
  controller = new AbortController();
  busy(true);
  const started = performance.now();
  let chunks = 0;
  let usage = null;
  try {
    for (let round = 0; round <= MAX_TOOL_ROUNDS; round++) {
      const body = request();
      if (!body) return;
      const reply = { role: 'assistant', content: '' };
      const calls = [];
      messages.push(reply);
      const view = render().lastElementChild;
      setStatus('Generating…');
      await postStream('/v1/chat/completions', body, event => {
        if (event.usage) usage = event.usage;
        const delta = event.choices && event.choices[0] && event.choices[0].delta;
        if (!delta) return;
        if (delta.content) {
          reply.content += delta.content;
          chunks++;
          view.querySelector('.content').textContent = reply.content;
        }
        for (const t of delta.tool_calls || []) {
          const call = calls[t.index] || (calls[t.index] = { id: '', type: 'function', function: { name: '', arguments: '' } });
          if (t.id) call.id = t.id;
          if (t.function && t.function.name) call.function.name += t.function.name;
          if (t.function && t.function.arguments) call.function.arguments += t.function.arguments;
        }
      }, controller.signal);
      if (!calls.length) break;
      reply.tool_calls = calls;
      render();
      if (round === MAX_TOOL_ROUNDS) {
        setStatus('Stopped after ' + MAX_TOOL_ROUNDS + ' rounds of tool calls.');
        return;
      }
      for (const call of calls) {
        const out = await postJson('/studio/api/tools/run', { name: call.function.name, arguments: call.function.arguments }, controller.signal);
        messages.push({ role: 'tool', tool_call_id: call.id, name: call.function.name, content: out.error ? 'error: ' + out.error : out.result });
        render();
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const tokens = usage ? usage.completion_tokens : chunks;
    setStatus('Done: ' + tokens + ' tokens in ' + seconds.toFixed(1) + ' s (' + (tokens / seconds).toFixed(1) + ' tokens/s).');
  } catch (e) {
    if (e.name === 'AbortError') {
      setStatus('Stopped.');
    } else {
      setStatus('Error: ' + e.message);
      const last = messages[messages.length - 1];
      if (last && last.role === 'assistant' && !last.content && !last.tool_calls) messages.pop();
      render();
    }
  } finally {
    controller = null;
    busy(false);
    $('prompt').focus();
  }
}

/** Draws the whole conversation (returns the list element; the last child is the newest message). */
function render() {
  const list = $('messages');
  list.replaceChildren(...messages.map(view));
  list.scrollTop = list.scrollHeight;
  busy(controller !== null);
  return list;
}

function view(m) {
  const box = document.createElement('article');
  box.className = 'msg msg-' + m.role;
  const who = document.createElement('h2');
  who.className = 'who';
  who.textContent = m.role === 'tool' ? 'tool ' + m.name : m.role;
  const content = document.createElement('div');
  content.className = 'content';
  content.textContent = m.content || '';
  box.append(who, content);
  for (const call of m.tool_calls || []) {
    const trace = document.createElement('code');
    trace.className = 'trace';
    trace.textContent = '→ ' + call.function.name + '(' + call.function.arguments + ')';
    box.append(trace);
  }
  return box;
}

function exportConversation() {
  const system = $('system').value.trim();
  const data = {
    model: $('model').value,
    settings: { temperature: Number($('temperature').value), top_p: Number($('top-p').value), max_tokens: Number($('max-tokens').value) },
    messages: system ? [{ role: 'system', content: system }, ...messages] : messages,
  };
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'conversation.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
