/** Vite's worker import: the module's code as a Worker class (inlined as a blob: URL in the build). */
declare module '*?worker&inline' {
  const SimulationWorker: { new (): Worker };
  export default SimulationWorker;
}
