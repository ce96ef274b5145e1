/**
 * The Vite settings of the playground (src/playground), shared by
 * vite.config.ts, `coldtail play` and the static build of `npm start`.
 *
 * The build is one file, index.html, with its script, styles, fonts and the
 * simulation worker inside: the report links to it and is opened from disk,
 * and a page opened from disk (file://) may not load module scripts or start
 * workers from other files. One file also works from any static server.
 */
import { resolve } from 'node:path';
import type { InlineConfig, Plugin } from 'vite';

// The page is built from the TypeScript sources (Vite compiles them), also when this file
// runs compiled from dist/node: both sit two folders below the repository.
export const PLAYGROUND_SOURCES = resolve(import.meta.dirname, '../../src/playground');
const ROOT = PLAYGROUND_SOURCES;

/** Where `npm start` writes the static build. */
export const PLAYGROUND_OUT = 'output/playground';

/** A `</script` inside inlined code would end the script element early. */
const safeScript = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1');

/** Moves the built script and stylesheet into index.html. */
function inlineIntoHtml(): Plugin {
  return {
    name: 'coldtail:inline-into-html',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find(
        (f) => f.type === 'asset' && f.fileName.endsWith('.html'),
      );
      if (html?.type !== 'asset') return;
      let text = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        const ref = `./${name}`;
        if (file.type === 'chunk' && text.includes(ref)) {
          text = text.replace(
            new RegExp(
              `<script type="module"[^>]*src="${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*></script>`,
            ),
            () => `<script type="module">${safeScript(file.code)}</script>`,
          );
          delete bundle[name];
        } else if (file.type === 'asset' && name.endsWith('.css') && text.includes(ref)) {
          text = text.replace(
            new RegExp(
              `<link rel="stylesheet"[^>]*href="${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`,
            ),
            () => `<style>${String(file.source).replace(/<\/(style)/gi, '<\\/$1')}</style>`,
          );
          delete bundle[name];
        }
      }
      html.source = text;
    },
  };
}

export function playgroundConfig(outDir = PLAYGROUND_OUT): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    base: './',
    logLevel: 'warn',
    clearScreen: false,
    plugins: [inlineIntoHtml()],
    worker: { format: 'iife' },
    build: {
      outDir: resolve(outDir),
      emptyOutDir: true,
      // Fonts and the worker inline, as data: and blob: URLs: nothing is fetched.
      assetsInlineLimit: Number.POSITIVE_INFINITY,
      chunkSizeWarningLimit: 4000,
      modulePreload: false,
      target: 'es2022',
      // No timing report on every build: a slow moment of a shared machine is not news.
      rolldownOptions: { output: { codeSplitting: false }, checks: { bundlerTimings: false } },
    },
    server: { host: '127.0.0.1', fs: { allow: [resolve(ROOT, '../..')] } },
  };
}
