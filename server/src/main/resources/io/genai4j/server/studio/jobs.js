// A long job on the server (a training run, the ladder, an indexing): started, followed through its
// server-sent events until it ends, stoppable. The page's buttons NAME-start and NAME-stop and its
// status line NAME-status follow it.
import { postJson, getStream } from '/studio/api.js';

const $ = id => document.getElementById(id);

/**
 * POSTs body to /studio/api/PATH/start and calls onEvent with each event of /studio/api/PATH/events;
 * the start button is off and the stop button on meanwhile; a refusal lands in the status line.
 */
export async function followJob(name, path, body, onEvent) {
  $(name + '-start').disabled = true;
  try {
    await postJson(`/studio/api/${path}/start`, body);
    $(name + '-stop').disabled = false;
    await getStream(`/studio/api/${path}/events`, onEvent);
  } catch (e) {
    $(name + '-status').textContent = 'Error: ' + e.message;
  } finally {
    $(name + '-start').disabled = false;
    $(name + '-stop').disabled = true;
  }
}

/** Wires NAME-stop to POST /studio/api/PATH/stop. */
export function stopButton(name, path) {
  $(name + '-stop').addEventListener('click', () => postJson(`/studio/api/${path}/stop`, {}));
}
