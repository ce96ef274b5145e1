/**
 * The README's picture of the playground: `npx tsx test/playground/screenshot.ts`
 * builds the page, opens it in headless Chromium and writes
 * output/charts/playground.png (the top of the page, 1,400 px wide).
 * `-- --out FILE --width N --height N --query '?tour=3' --full` for other views.
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildPlayground } from '../../src/node/buildPlayground.ts';
import { serveStatic } from './staticServer.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'output/charts/playground.png' },
    width: { type: 'string', default: '1400' },
    height: { type: 'string', default: '1050' },
    query: { type: 'string', default: '?compare=google-cloud-functions' },
    full: { type: 'boolean', default: false },
    build: { type: 'string', default: 'test-output/screenshot-playground' },
  },
});

await buildPlayground(values.build);
const server = await serveStatic(values.build);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: Number(values.height) },
  });
  await page.goto(`${server.url}${values.query}`);
  await page.waitForFunction(
    () => {
      const s = document.getElementById('status');
      if (s?.dataset.state === 'refused' || s?.dataset.state === 'error') return true;
      return s?.dataset.state === 'final' && s.dataset.shown === s.dataset.run;
    },
    undefined,
    { timeout: 300_000 },
  );
  await page.screenshot({ path: values.out, fullPage: values.full });
  process.stdout.write(`wrote ${values.out}\n`);
} finally {
  await browser.close();
  await server.close();
}
