import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CertificateDocumentInput, CertificateRenderer } from '../../core/ports.js';
import type { ReactPdfRendererOptions } from './react-pdf-renderer.js';
import type { RenderReply, RenderRequest } from './render-worker.js';

export interface WorkerPoolRendererOptions extends ReactPdfRendererOptions {
  /** Worker threads; default one per core but one (the main thread keeps the API, workflow and SDK). */
  size?: number;
  /** Renders in flight per worker: a second one queued hides the message round trip. Default 2. */
  inFlightPerWorker?: number;
}

interface Pending {
  resolve: (pdf: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** From source, the TypeScript worker is started through a small tsx loader; a build starts the .js. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './render-worker-tsx.mjs' : './render-worker.js', import.meta.url);
const WORKER_ENTRY = new URL('./render-worker.ts', import.meta.url).href;

/**
 * The react-pdf renderer in worker threads: on one machine (the local stack) rendering, about 40 ms of
 * CPU per certificate, would otherwise run on the thread that also answers the API and drives the
 * workflow, and use one core of two. Same port, same bytes (the renderer is deterministic); each worker
 * loads react-pdf and warms its fonts once, on the first render. A worker that dies fails the renders it
 * held (the workflow's retry renders them again) and is replaced on the next render.
 */
export class WorkerPoolCertificateRenderer implements CertificateRenderer {
  private readonly size: number;
  private readonly inFlightPerWorker: number;
  private readonly workers: (PoolWorker | undefined)[];
  private readonly queue: { request: RenderRequest; pending: Pending }[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: WorkerPoolRendererOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism() - 1);
    this.inFlightPerWorker = Math.max(1, options.inFlightPerWorker ?? 2);
    this.workers = new Array(this.size).fill(undefined);
  }

  render(input: CertificateDocumentInput): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('the render worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, input }, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  /** Starts every worker now and waits until each has rendered once (fonts loaded): for benchmarks. */
  async warmUp(): Promise<void> {
    for (let index = 0; index < this.size; index += 1) this.workerAt(index);
    await Promise.all(this.workers.map(() => this.render(WARM_UP_INPUT)));
  }

  async close(): Promise<void> {
    this.closed = true;
    const failure = new Error('the render worker pool closed');
    for (const { pending } of this.queue.splice(0)) pending.reject(failure);
    await Promise.all(
      this.workers.map(async (entry, index) => {
        this.workers[index] = undefined;
        if (!entry) return;
        for (const pending of entry.pending.values()) pending.reject(failure);
        await entry.worker.terminate();
      }),
    );
  }

  private dispatch() {
    while (this.queue.length > 0) {
      const index = this.leastBusyWorker();
      if (index === undefined) return;
      const entry = this.workerAt(index);
      const { request, pending } = this.queue.shift()!;
      entry.pending.set(request.id, pending);
      entry.worker.postMessage(request);
    }
  }

  /** The worker with the fewest renders in flight, if one has room; started workers first. */
  private leastBusyWorker(): number | undefined {
    let best: number | undefined;
    let bestLoad = this.inFlightPerWorker;
    for (let index = 0; index < this.size; index += 1) {
      const load = this.workers[index]?.pending.size ?? 0;
      if (load < bestLoad) {
        best = index;
        bestLoad = load;
      }
    }
    return best;
  }

  private workerAt(index: number): PoolWorker {
    const existing = this.workers[index];
    if (existing) return existing;
    const { size: _size, inFlightPerWorker: _inFlight, ...rendererOptions } = this.options;
    const worker = new Worker(WORKER_URL, {
      workerData: { options: rendererOptions, entry: WORKER_ENTRY },
    });
    worker.unref();
    const entry: PoolWorker = { worker, pending: new Map() };
    this.workers[index] = entry;
    worker.on('message', (reply: RenderReply) => {
      const pending = entry.pending.get(reply.id);
      if (!pending) return;
      entry.pending.delete(reply.id);
      if ('pdf' in reply) pending.resolve(reply.pdf);
      else pending.reject(Object.assign(new Error(reply.error.message), reply.error));
      this.dispatch();
    });
    const fail = (error: Error) => {
      if (this.workers[index] === entry) this.workers[index] = undefined;
      for (const pending of entry.pending.values()) pending.reject(error);
      entry.pending.clear();
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`render worker exited with code ${code}`)));
    return entry;
  }
}

const WARM_UP_INPUT: CertificateDocumentInput = {
  number: 'WARMUP0000000000000000000',
  holderName: 'Warm Up',
  courseTitle: 'Warm-up',
  courseDescription: 'Warm-up render.',
  completedAt: '2000-01-01T00:00:00Z',
  issuedAt: '2000-01-01T00:00:00Z',
  signatory: { name: 'Warm Up', title: 'Warm-up' },
  verificationUrl: 'https://example.invalid/verify/WARMUP',
};
