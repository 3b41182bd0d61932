import { Worker } from 'node:worker_threads';
import type { RenderTask } from './render-task';

type Reply = { id: number; ok: true; data: ArrayBuffer } | { id: number; ok: false; error: string };

interface Pending {
  id: number;
  task: RenderTask;
  resolve: (b: Buffer) => void;
  reject: (e: Error) => void;
}

/**
 * Renders files in a worker thread so that laying out a large register never blocks the
 * requests of other people. One worker per server, one file at a time (the machine's cores are
 * shared with PostgreSQL and the other requests); it starts on first use and stops after a
 * minute without work. Tasks are plain data and the file comes back as a transferred buffer.
 */
export class RenderPool {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly opts: { idleMs?: number } = {}) {}

  /** Makes the file of a task; tasks run one after the other. */
  run(task: RenderTask): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('render pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  /** Stops the worker (server shutdown); queued tasks fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('render pool closed'));
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker {
    // A plain JavaScript entry that loads the TypeScript code through tsx (also under Vitest).
    const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), {
      // A larger young generation: the layout allocates many short-lived objects.
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const p = this.current;
      if (!p || p.id !== reply.id) return;
      this.current = null;
      if (reply.ok) p.resolve(Buffer.from(reply.data));
      else p.reject(new Error(reply.error));
      this.pump();
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      const p = this.current;
      this.current = null;
      p?.reject(err);
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`render worker stopped (${code})`)));
    return worker;
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const next = this.queue.shift();
    if (!next) {
      this.scheduleIdle();
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.worker ??= this.start();
    this.current = next;
    this.worker.postMessage({ id: next.id, task: next.task });
  }

  private scheduleIdle(): void {
    if (this.idleTimer || !this.worker) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.current || this.queue.length) return;
      const w = this.worker;
      this.worker = null;
      void w?.terminate();
    }, this.opts.idleMs ?? 60_000);
    this.idleTimer.unref();
  }
}
