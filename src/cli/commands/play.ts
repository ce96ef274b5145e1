import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadVite, PlaygroundUnavailable } from '../../node/buildPlayground.ts';
import { InputError } from '../../node/inputError.ts';
import { playgroundConfig } from '../../node/playgroundConfig.ts';

interface Args {
  port: number;
  open: boolean;
}

/**
 * `coldtail play`: serves the playground on localhost with Vite's server
 * (built from the sources as they are, reloaded when they change) until
 * Ctrl-C. `npm start` writes the same page as one static file instead.
 */
export const playCommand: CommandModule<object, Args> = {
  command: 'play',
  describe: 'Serve the playground page on localhost and print its address',
  builder: (y) =>
    (y as Argv<object>)
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
      }) as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
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
    process.stdout.write(`coldtail playground: ${url}\n(Ctrl-C stops the server)\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
