import type { Argv } from 'yargs';
import type { Io } from '../../node/io.ts';
import type { Command } from '../command.ts';

interface Args {
  port: number;
  open: boolean;
}

/**
 * `coldtail play`: serves the playground on localhost with Vite's server
 * (built from the sources as they are, reloaded when they change) until
 * Ctrl-C. `npm start` writes the same page as one static file instead.
 */
export const playCommand: Command<Args> = {
  command: 'play',
  describe: 'Serve the playground page on localhost and print its address',
  builder: (y: Argv<object>) =>
    y
      .option('port', {
        type: 'number',
        default: 5173,
        describe: 'Port on 127.0.0.1 (0: any free port; taken: the next free one)',
      })
      .option('open', { type: 'boolean', default: false, describe: 'Open it in the browser' })
      .check((a) => {
        const p = a.port as number;
        if (!Number.isInteger(p) || p < 0 || p > 65535)
          throw new Error(`--port must be a whole number from 0 to 65535 (got ${a.port})`);
        return true;
      }),
  run: async (argv: Args, io: Io) => {
    const [{ loadVite, PlaygroundUnavailable }, { InputError }, { playgroundConfig }] =
      await Promise.all([
        import('../../node/buildPlayground.ts'),
        import('../../node/inputError.ts'),
        import('../../node/playgroundConfig.ts'),
      ]);
    let vite: Awaited<ReturnType<typeof loadVite>>;
    try {
      vite = await loadVite();
    } catch (e) {
      if (e instanceof PlaygroundUnavailable) throw new InputError(`coldtail play: ${e.message}`);
      throw e;
    }
    const config = playgroundConfig();
    const server = await vite.createServer({
      ...config,
      server: { ...config.server, port: argv.port, strictPort: false, open: argv.open },
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${argv.port}/`;
    io.stdout.write(`coldtail playground: ${url}\n(Ctrl-C stops the server)\n`);
    // Serve until Ctrl-C: the process's signal watcher (io.interrupts) sees it.
    await new Promise<void>((done) => {
      const timer = setInterval(() => {
        if (!io.interrupts.requested()) return;
        clearInterval(timer);
        void server.close().then(done);
      }, 100);
    });
    return 0;
  },
};
