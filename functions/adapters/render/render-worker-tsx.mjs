// Starts the TypeScript render worker (render-worker.ts) under tsx, for runs from source: npm start, the
// benchmarks and the tests. A built bundle starts render-worker.js directly.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
