/**
 * One render worker thread (see worker-pool-renderer.ts): renders the certificates its parent sends, one
 * message at a time, with the same react-pdf renderer the issuing function runs in process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CertificateDocumentInput } from '../../core/ports.js';
import { ReactPdfCertificateRenderer } from './react-pdf-renderer.js';

export interface RenderRequest {
  id: number;
  input: CertificateDocumentInput;
}

export type RenderReply =
  | { id: number; pdf: Uint8Array }
  | { id: number; error: { name: string; message: string; stack?: string } };

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread (worker-pool-renderer.ts)');

const renderer = new ReactPdfCertificateRenderer(workerData?.options ?? {});
// Only when asked (the pool's warmUp): otherwise the first certificate is the worker's first render.
const warm = workerData?.warmUp ? renderer.warmUp() : Promise.resolve();

port.on('message', async ({ id, input }: RenderRequest) => {
  try {
    await warm;
    const pdf = await renderer.render(input);
    // A copy of its own, so the buffer can be handed over (transferred) rather than copied again.
    const owned = new Uint8Array(pdf);
    port.postMessage({ id, pdf: owned } satisfies RenderReply, [owned.buffer]);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    port.postMessage({
      id,
      error: {
        name: failure.name,
        message: failure.message,
        ...(failure.stack ? { stack: failure.stack } : {}),
      },
    } satisfies RenderReply);
  }
});
