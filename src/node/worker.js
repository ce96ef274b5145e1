// A worker thread's entry when coldtail runs from its TypeScript sources (tests, `tsx`):
// workers do not inherit the main thread's loader, so tsx is registered here. The built
// package (dist/) starts workers on the compiled workerMain.js instead, with no tsx.
import { register } from 'tsx/esm/api';

register();
await import('./workerMain.ts');
