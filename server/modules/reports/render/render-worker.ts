import { parentPort } from 'node:worker_threads';
import { type RenderTask, renderTask } from './render-task';

/**
 * The render worker: lays out PDFs and workbooks off the server's event loop (a register of
 * 10,000 rows keeps a core busy for seconds). One task at a time; the pool queues the others.
 */
parentPort?.on('message', async (msg: { id: number; task: RenderTask }) => {
  try {
    const out = await renderTask(msg.task);
    // A fresh ArrayBuffer of exactly the file, handed over without a copy.
    const data = new Uint8Array(out.byteLength);
    data.set(out);
    parentPort?.postMessage({ id: msg.id, ok: true, data: data.buffer }, [data.buffer]);
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
