/**
 * The HTML report in a real browser: Debian's `chromium` (apt-get install chromium; never a
 * browser downloaded by a package), driven by playwright-core, with JavaScript disabled as a
 * closed-network reader might have it. The page must show without script, make no request but
 * for itself, log no error, show the JSON's numbers, show hostile unit names as text, and give a
 * 1280×900 screenshot and an A4 PDF.
 *
 * Never skipped: with no chromium binary the test fails, naming the package to install (.ci/run
 * installs it when missing). CHROMIUM=/path picks the binary. The
 * screenshot and the PDF are written to CCCH_BROWSER_OUT when it is set (else a temporary
 * folder).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { accessSync, constants, mkdtempSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ccch } from '../helpers.js';
import { formatRate } from '../../src/report/format.js';
import type { ResultDoc } from '../../src/report/score/html-doc.js';

/** The chromium binary: $CHROMIUM if it is one, else `chromium` or `chromium-browser` on the PATH. */
function findChromium(): string | null {
  const env = process.env.CHROMIUM;
  const candidates = env ? [env] : (process.env.PATH ?? '').split(delimiter).flatMap((dir) => ['chromium', 'chromium-browser'].map((name) => join(dir, name)));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // not here
    }
  }
  return null;
}

const CHROMIUM = findChromium();
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!CHROMIUM) {
  // Never skipped: without a browser the report is untested, and that is a failure to fix, not to hide.
  describe('the HTML report in Chromium', () => {
    it('needs a chromium binary', () => expect.fail('no chromium binary (CHROMIUM, or chromium on the PATH): apt-get install chromium (.ci/run does)'));
  });
} else {
  describe('the HTML report in Chromium', { timeout: 60_000 }, () => {
    const SAMPLE = ['score', 'fixtures/sample/ho-so-2023.csv', 'fixtures/sample/pakn-2023.csv', '--by', 'unit'];
    const out = process.env.CCCH_BROWSER_OUT ?? mkdtempSync(join(tmpdir(), 'ccch-browser-'));
    let browser: Browser;
    let context: BrowserContext;
    let json: { results: ResultDoc[]; inputs: { file: string; rows: number; counted: number }[] };

    /** A page of `html`, opened from a file with JavaScript disabled: what it requested and what it logged. */
    async function open(name: string, html: string): Promise<{ page: Page; url: string; requests: string[]; blocked: string[]; errors: string[] }> {
      const file = join(out, name);
      writeFileSync(file, html);
      const url = pathToFileURL(file).href;
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      /** Requests that Chromium stopped for the page's CSP before they left (Playwright still reports them). */
      const blocked: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('requestfailed', (r) => {
        if (r.failure()?.errorText === 'csp') blocked.push(r.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('dialog', (d) => errors.push(`dialog: ${d.message()}`));
      await page.goto(url, { waitUntil: 'load' });
      return { page, url, requests, blocked, errors };
    }

    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
      context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
      // Nothing leaves the machine, whatever the page asks for (the requests are still seen).
      await context.route(/^(?!file:)/, (route) => route.abort());
      json = JSON.parse((await ccch([...SAMPLE, '--format', 'json'])).stdout);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("shows the sample year by unit with no script, no request but the file, no error, and the JSON's numbers", async () => {
      const { stdout } = await ccch([...SAMPLE, '--format', 'html']);
      const { page, url, requests, errors } = await open('ho-so-2023.html', stdout);
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      // Rendered without JavaScript: the headings, the verdict table and the charts have a size.
      expect(await page.locator('h1').innerText()).toBe('Kết quả thực hiện chỉ tiêu cải cách hành chính');
      expect((await page.locator('table.overview').boundingBox())!.height).toBeGreaterThan(500);
      const charts = page.locator('.ind-chart svg');
      expect(await charts.count()).toBe(9);
      expect((await charts.first().boundingBox())!.width).toBeGreaterThan(300);

      // Every tier and province result, as the page shows it.
      const overall = json.results.filter((r) => r.unit === null && r.district === null);
      for (const r of overall) {
        const cell = page.locator(`td.cell[data-indicator="${r.indicator}"][data-tier="${r.tier}"]`);
        const [n, d] = (await cell.locator('.nN').innerText()).split('/').map((s) => Number(s.replace(/\./g, '')));
        expect([n, d], `${r.indicator}/${r.tier}`).toEqual([r.numerator, r.denominator]);
        expect(await cell.locator('.rate').innerText()).toBe(formatRate(r.numerator, r.denominator, 'vi'));
      }
      // The lowest units: each row's unit and n/N are the JSON's.
      const rows = await page.locator('table.units tbody tr').all();
      expect(rows.length).toBeGreaterThan(50);
      for (const row of rows.slice(0, 40)) {
        const [indicator, tier] = [await row.getAttribute('data-indicator'), await row.getAttribute('data-tier')];
        const unit = await row.locator('td.who').innerText();
        const [n, d] = (await row.locator('td.nN').innerText()).split('/').map((s) => Number(s.replace(/\./g, '')));
        const r = json.results.find((x) => x.indicator === indicator && x.tier === tier && x.unit === unit);
        expect(r && [r.numerator, r.denominator], `${indicator}/${tier}/${unit}`).toEqual([n, d]);
      }
      for (const i of json.inputs) {
        const cells = page.locator(`table.inputs tr[data-file="${i.file}"] td.num`);
        expect(Number((await cells.nth(0).innerText()).replace(/\./g, ''))).toBe(i.rows);
        expect(Number((await cells.nth(1).innerText()).replace(/\./g, ''))).toBe(i.counted);
      }

      // A 1280×900 screenshot and an A4 print.
      const png = await page.screenshot({ path: join(out, 'ho-so-2023.png') });
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 900]);
      const pdf = await page.pdf({ path: join(out, 'ho-so-2023.pdf'), format: 'A4', printBackground: true });
      const text = pdf.toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
      expect(sizes.length).toBeGreaterThan(5); // a page per section, and the long ones over several
      for (const s of sizes) expect(s).toEqual([596, 843]); // A4 in points
      await page.close();
    });

    it('shows hostile unit names as text: no element made, no dialog, no request', async () => {
      const csv = [
        'Mã hồ sơ,Đơn vị,Cấp,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý,Hình thức nộp',
        'A1,<img src=x onerror=alert(1)>,Xã,2023-01-03,2023-01-10,2023-01-09,Trực tuyến',
        'A2,<script>alert(2)</script><style>body{display:none}</style>,Sở,2023-01-03,2023-01-10,2023-01-19,Trực tiếp',
        'A3,"<a href=""https://example.invalid/"">x</a>",Huyện,2023-01-03,2023-01-10,2023-01-19,"<iframe src=https://example.invalid/>"',
      ].join('\n');
      const { stdout } = await ccch(['score', '-', '--by', 'unit', '--format', 'html'], { input: csv });
      const { page, url, requests, errors } = await open('hostile.html', stdout);
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      for (const tag of ['img', 'script', 'iframe', 'a[href^="http"]']) expect(await page.locator(tag).count(), tag).toBe(0);
      expect(await page.locator('style').count()).toBe(1); // the page's own
      const units = await page.locator('td.who').allInnerTexts();
      expect(units).toContain('<img src=x onerror=alert(1)>');
      expect(units).toContain('<script>alert(2)</script><style>body{display:none}</style>');
      expect(units).toContain('<a href="https://example.invalid/">x</a>');
      expect(await page.locator('body').innerText()).toContain('"<iframe src=https://example.invalid/>"');
      await page.close();
    });

    it("forbids loading anything by its Content-Security-Policy (the same page, with what a bug could add)", async () => {
      const { stdout } = await ccch(['score', 'fixtures/hand/all-pass.csv', '--format', 'html']);
      const tampered = stdout.replace('<main>', '<main><img src="https://example.invalid/x.png"><link rel="stylesheet" href="https://example.invalid/x.css"><iframe src="https://example.invalid/"></iframe>');
      const { url, requests, blocked, errors } = await open('tampered.html', tampered);
      expect(requests.filter((r) => !blocked.includes(r))).toEqual([url]);
      expect(blocked.sort()).toEqual(['https://example.invalid/x.css', 'https://example.invalid/x.png']);
      expect(errors).toHaveLength(3); // the image, the stylesheet and the frame, each refused
      for (const e of errors) expect(e).toMatch(/violates the following Content Security Policy directive/);
    });
  });
}
