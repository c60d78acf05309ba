#!/usr/bin/env node
// The README's pictures of the HTML report: the sample year's report (`ccch score
// fixtures/sample/ho-so-2023.csv fixtures/sample/pakn-2023.csv --format html`) in Debian's
// chromium (apt-get install chromium; CHROMIUM=/path for another), 1280 px wide: the top of the
// page (docs/score-html.png) and its charts (docs/score-html-charts.png).
//
//   npm run build && node scripts/html-screenshot.mjs [OUT_DIR]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs');
const args = ['bin/ccch.js', 'score', 'fixtures/sample/ho-so-2023.csv', 'fixtures/sample/pakn-2023.csv', '--format', 'html'];
let page;
try {
  page = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
} catch (e) {
  if (e.status !== 1) throw e; // 1: some targets fail, as they do in the sample
  page = e.stdout;
}
const file = join(mkdtempSync(join(tmpdir(), 'ccch-shot-')), 'ho-so-2023.html');
writeFileSync(file, page);

const chromiumPath = process.env.CHROMIUM ?? execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  await tab.goto(pathToFileURL(file).href);
  await tab.screenshot({ path: join(out, 'score-html.png') });
  const charts = await tab.locator('#charts').boundingBox();
  await tab.screenshot({ path: join(out, 'score-html-charts.png'), fullPage: true, clip: { x: 0, y: charts.y - 12, width: 1280, height: 900 } });
  console.log(`wrote ${join(out, 'score-html.png')} and ${join(out, 'score-html-charts.png')}`);
} finally {
  await browser.close();
}
