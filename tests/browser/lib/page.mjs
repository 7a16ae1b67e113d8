// Shared helpers for the headless-Chromium tests of the built page (build/…/dist): launching
// Debian's Chromium, serving dist on loopback, opening the page with every request, console
// error and long task recorded, and driving it by role and label, as a person would.
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, afterEach, before, beforeEach } from 'node:test';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../../scripts/lib/static-server.mjs';
import { distDir, repoRoot } from '../../support/paths.mjs';

export { distDir, repoRoot };
export const artifactsDir = process.env.GRADTAPE_ARTIFACTS ?? join(repoRoot, 'test-artifacts');
export const sampleCsvPath = join(repoRoot, 'data/heart_synthetic.csv');
export const indexPath = join(distDir, 'index.html');
export const fileUrl = pathToFileURL(indexPath).href;

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.GRADTAPE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync'],
  });
}

// Registers node:test hooks that start Chromium (and, unless `serve` is false, serve dist on
// loopback) before the file's tests and stop them after; the fields fill in when they start.
export function useBrowser({ serve = true } = {}) {
  const env = { browser: null, server: null };
  before(async () => {
    env.browser = await launchBrowser();
    if (serve) env.server = await serveDist();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

// Registers node:test hooks that open a fresh page (see openPage) on env's browser and server
// before each test and close it after; `.current` is that test's { page, log, context }.
export function usePagePerTest(env) {
  const pages = { current: null };
  beforeEach(async () => {
    pages.current = await openPage(env.browser, env.server.url);
  });
  afterEach(async () => {
    await pages.current?.context.close();
  });
  return pages;
}

export function serveDist() {
  return startStaticServer({ root: distDir, port: 0, host: '127.0.0.1' });
}

// Installed before any script of the page runs: long tasks (buffered) and CSP violations.
function instrument() {
  window.__gt = { longTasks: [], csp: [] };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__gt.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    window.__gt.longTaskError = String(error);
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__gt.csp.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
}

// Opens `url` in a fresh context. `allowed(url)` says which requests are the page's own; any
// other request is recorded in `offsite` and aborted, so nothing can leave even by mistake.
// `initScript`, a function, runs in the page before its own scripts too (the benchmarks' probes).
export async function openPage(browser, url, { allowed, viewport = { width: 1440, height: 1000 },
  deviceScaleFactor = 1, colorScheme = 'light', initScript } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const log = { requests: [], offsite: [], failed: [], consoleErrors: [], pageErrors: [] };
  const isAllowed = allowed ?? defaultAllowed(url);
  page.on('request', (request) => {
    log.requests.push(request.url());
    if (!isAllowed(request.url())) log.offsite.push(request.url());
  });
  page.on('requestfailed', (request) => log.failed.push({ url: request.url(), error: request.failure()?.errorText }));
  await context.route('**/*', (route) => (isAllowed(route.request().url()) ? route.continue() : route.abort()));
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.pageErrors.push(String(error)));
  await page.addInitScript(instrument);
  if (initScript) await page.addInitScript(initScript);
  await page.goto(url);
  await waitForEngine(page);
  return { context, page, log };
}

// The page's own files: under the server's origin, or under dist/ for file://; blob: URLs of
// downloads and data: URLs are local by construction.
function defaultAllowed(pageUrl) {
  const base = pageUrl.startsWith('file:') ? pathToFileURL(distDir).href : new URL('/', pageUrl).href;
  return (url) => url.startsWith(base) || url.startsWith('blob:') || url.startsWith('data:');
}

export async function waitForEngine(page, timeout = 20000) {
  await page.getByRole('status').filter({ hasText: /Ready|unavailable/ }).waitFor({ timeout });
  const text = await page.getByRole('status').textContent();
  if (!/Ready/.test(text)) {
    const alert = await page.getByRole('alert').textContent();
    throw new Error(`the engine did not start: ${text} ${alert}`);
  }
}

// Drops a file on the drop zone with a real drop event and a DataTransfer built in the page.
// Drops a file holding `text`, or raw `bytes` (an array of byte values), on the drop zone.
export async function dropFile(page, { name, text, bytes, type = 'text/csv' }) {
  const dataTransfer = await page.evaluateHandle(({ name: fileName, text: content, bytes: raw, type: mime }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([raw ? new Uint8Array(raw) : content], fileName, { type: mime }));
    return transfer;
  }, { name, text, bytes, type });
  const zone = page.getByRole('group', { name: 'CSV drop zone' });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

export async function dropFileFromDisk(page, path, name) {
  await dropFile(page, { name, text: readFileSync(path, 'utf8') });
}

// Waits until the dataset summary for `name` is shown (the status says "Loaded …").
export async function waitForLoaded(page, name, timeout = 20000) {
  await page.getByRole('status').filter({ hasText: `Loaded ${name}` }).waitFor({ timeout });
}

export async function loadSample(page) {
  await page.getByRole('button', { name: 'Try the built-in sample' }).click();
  await waitForLoaded(page, 'heart_synthetic.csv');
}

export async function setField(page, label, value) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(String(value));
}

// Status text exactly "Done" (or starting "Done:" after Stop).
// Waits until the role=status element's text matches `pattern`, then returns it. The wait polls
// a plain attribute selector four times a second: Playwright's role locators compute the
// accessibility tree in the page on every poll, which during a run would add its own long tasks
// to the page's. The element is read by its role once the wait is over.
export async function waitForStatus(page, pattern, timeout = 60000) {
  await page.waitForFunction(({ source, flags }) => {
    const status = document.querySelector('[role="status"]');
    return Boolean(status) && new RegExp(source, flags).test(status.textContent.trim());
  }, { source: pattern.source, flags: pattern.flags }, { polling: 250, timeout });
  return (await page.getByRole('status').textContent()).trim();
}

export function waitForDone(page, timeout = 60000) {
  return waitForStatus(page, /^Done\b/, timeout);
}

// The "Training history" table as numbers: [{ epoch, trainLoss, valLoss, trainAccuracy, valAccuracy }].
export async function historyRows(page) {
  const table = page.getByRole('table', { name: 'Training history' });
  const rows = await table.locator('tbody').getByRole('row').all();
  const out = [];
  for (const row of rows) {
    const cells = (await row.getByRole('cell').allTextContents()).map((text) => Number.parseFloat(text));
    const [epoch, trainLoss, valLoss, trainAccuracy, valAccuracy] = cells;
    out.push({ epoch, trainLoss, valLoss, trainAccuracy, valAccuracy });
  }
  return out;
}

export async function historyHeaders(page) {
  const table = page.getByRole('table', { name: 'Training history' });
  return (await table.getByRole('columnheader').allTextContents()).map((text) => text.trim());
}

// Counts the canvas pixels close to each series colour (the theme's --train and --val), and
// reports the canvas's backing size against its CSS size (high-DPI scaling).
export async function chartInk(page, name) {
  const canvas = page.getByRole('img', { name, exact: true });
  return canvas.evaluate((node) => {
    const css = getComputedStyle(document.documentElement);
    const parse = (color) => {
      const probe = document.createElement('canvas').getContext('2d');
      probe.fillStyle = color;
      probe.fillRect(0, 0, 1, 1);
      return Array.from(probe.getImageData(0, 0, 1, 1).data.slice(0, 3));
    };
    const train = parse(css.getPropertyValue('--train').trim());
    const val = parse(css.getPropertyValue('--val').trim());
    const { data } = node.getContext('2d').getImageData(0, 0, node.width, node.height);
    const near = (i, rgb) => Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 60 && data[i + 3] > 200;
    let trainPixels = 0;
    let valPixels = 0;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) inked += 1;
      if (near(i, train)) trainPixels += 1;
      else if (near(i, val)) valPixels += 1;
    }
    return { trainPixels, valPixels, inked, width: node.width, height: node.height, cssWidth: node.clientWidth, cssHeight: node.clientHeight };
  });
}

// A figure of the results, read from its term ("Precision", "Recall", "AUC", "Accuracy").
export async function metric(page, name) {
  const term = page.getByRole('term').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) });
  return Number.parseFloat(await term.locator('xpath=following-sibling::dd[1]').textContent());
}

export async function longTasks(page) {
  const { tasks, error } = await page.evaluate(() => ({ tasks: window.__gt.longTasks.slice(), error: window.__gt.longTaskError }));
  if (error) throw new Error(`the long-task observer could not start: ${error}`);
  return tasks;
}

// The long tasks (> 50 ms) that started in [start, end] (page clock), and a message for an
// assertion that says how busy the machine was: on an oversubscribed machine every task of
// the page, however small, can be stretched past 50 ms by waiting for a CPU.
export async function longTasksBetween(page, start, end) {
  const tasks = (await longTasks(page)).filter((task) => task.start >= start && task.start <= end && task.duration > 50);
  const load = loadavg()[0].toFixed(1);
  const message = `long tasks: ${JSON.stringify(tasks)} (load average ${load} on ${cpus().length} CPUs)`;
  return { tasks, message };
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__gt.csp.slice());
}

export function pageNow(page) {
  return page.evaluate(() => performance.now());
}

export async function screenshot(page, name, options = {}) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, ...options });
  return path;
}

// Every console error and uncaught exception, for one assertion at the end of a test.
export function problems(log) {
  return [...log.consoleErrors.map((text) => `console: ${text}`), ...log.pageErrors.map((text) => `exception: ${text}`)];
}

// Every card, chart and results or history container whose content is wider than its box (it
// would clip or scroll sideways), as "selector#id: scrollWidth > clientWidth", and the page's
// own sideways overflow. The dataset's preview and column tables scroll by design (a table can
// have any number of columns) and are left out; their card is not.
export function overflowing(page) {
  return page.evaluate(() => {
    const found = [];
    const pageOverflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (pageOverflow > 0) found.push(`page: ${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}`);
    const selectors = ['.card', '.chart', '#history-scroll', '#class-scores-box', '#confusion-box', '#results', '.run-dock', '.metrics', '.run-warnings', '.data-notes'];
    for (const selector of selectors) {
      for (const node of document.querySelectorAll(selector)) {
        if (!node.getClientRects().length) continue; // hidden
        if (node.scrollWidth > node.clientWidth + 1) {
          found.push(`${selector}${node.id ? `#${node.id}` : ''}: ${node.scrollWidth} > ${node.clientWidth}`);
        }
      }
    }
    return found;
  });
}

// The run's texts a person reads: the status, the summary, the progress figures and the alert.
export function runTexts(page) {
  return page.evaluate(() => {
    const text = (id) => (document.getElementById(id)?.textContent || '').trim();
    return {
      status: text('status'), summary: text('run-summary'), alert: text('alert'),
      epoch: text('stat-epoch'), batch: text('stat-batch'), rate: text('stat-rate'), eta: text('stat-eta'), elapsed: text('stat-elapsed'),
      train: !document.getElementById('train-button').disabled,
      lockNote: !document.getElementById('lock-note').hidden,
      dropzone: text('dz-title'),
    };
  });
}
