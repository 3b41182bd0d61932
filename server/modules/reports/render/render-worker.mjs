// Entry of the render worker thread. Worker threads do not inherit the TypeScript loader of the
// main thread (node --import tsx), so the worker registers it itself before loading its code.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
