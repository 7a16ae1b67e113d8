// The built page opened straight from disk (file://), where only classic scripts run and fetch()
// is unavailable: the engine starts, the file picker and the built-in sample load, a run
// trains to "Done", the CSP holds, and nothing is requested beyond the files of dist/.
// Needs the real module; uses heart.csv when present, else data/heart_synthetic.csv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { heartCsvPath } from '../support/paths.mjs';
import {
  chartInk, cspViolations, distDir, fileUrl, historyRows, loadSample, openPage, problems, sampleCsvPath, screenshot, setField, useBrowser, waitForDone, waitForLoaded,
} from './lib/page.mjs';

const env = useBrowser({ serve: false });

test('from file://, the file picker loads a CSV and a run trains to Done', { timeout: 120000 }, async () => {
  const { page, log, context } = await openPage(env.browser, fileUrl);
  try {
    assert.ok(page.url().startsWith('file://'));
    const path = heartCsvPath() ?? sampleCsvPath;
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(path);
    await waitForLoaded(page, basename(path));
    await setField(page, 'Epochs', 10);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    assert.equal(await waitForDone(page), 'Done');
    assert.equal((await historyRows(page)).length, 10);
    assert.ok((await chartInk(page, 'Accuracy chart')).valPixels > 100, 'the accuracy chart is drawn');
    await screenshot(page, 'file-url-done');

    const own = pathToFileURL(distDir).href;
    assert.ok(log.requests.length > 5, 'the page loaded its files');
    assert.deepEqual(log.requests.filter((url) => !url.startsWith(own) && !url.startsWith('blob:')), [],
      'every request is one of the page\'s own files');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test('from file://, "Try the built-in sample" works (the sample is embedded, not fetched)', { timeout: 60000 }, async () => {
  const { page, log, context } = await openPage(env.browser, fileUrl);
  try {
    await loadSample(page);
    assert.equal(await page.getByLabel('Target column', { exact: true }).inputValue(), 'HeartDisease');
    const rows = await page.getByRole('table', { name: /First \d+ rows/ }).locator('tbody').getByRole('row').count();
    assert.ok(rows >= 5);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test('from file://, the Content-Security-Policy blocks every connection', async () => {
  const { page, log, context } = await openPage(env.browser, fileUrl);
  try {
    const outcome = await page.evaluate(async () => {
      const results = {};
      try {
        await fetch('index.html');
        results.ownFile = 'fetched';
      } catch {
        results.ownFile = 'blocked';
      }
      try {
        await fetch('https://example.com/');
        results.remote = 'fetched';
      } catch {
        results.remote = 'blocked';
      }
      return results;
    });
    assert.deepEqual(outcome, { ownFile: 'blocked', remote: 'blocked' });
    const violations = await cspViolations(page);
    assert.ok(violations.some((v) => v.startsWith('connect-src')), violations.join('\n'));
    assert.ok(!log.requests.some((url) => url.includes('example.com')), 'blocked before any request');
  } finally {
    await context.close();
  }
});
