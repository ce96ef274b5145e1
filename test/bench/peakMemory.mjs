// Loaded with `node --import` before a command the bench runs as a user would: as the process
// exits it writes, on its last line of standard error, the process's peak resident memory and
// its CPU time. Both cover every thread of the process (worker threads share its memory and
// are counted in its CPU time), which a parent cannot read of a child in Node.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const cpu = process.cpuUsage();
  const usage = {
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
  writeSync(2, `\ncoldtail-bench ${JSON.stringify(usage)}\n`);
});
