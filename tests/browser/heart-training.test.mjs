// The page's main path: drop the real heart.csv onto the drop zone, set
// Epochs 60 and Batch size 32, press Train and wait for "Done". Then: 60 history rows, a final
// validation accuracy above 0.80, charts with both lines drawn, the results filled in, no
// console error, no request beyond the page's own files on 127.0.0.1, and no long task over
// 50 ms while training. Needs the real module (build/…/dist/gradtape.js) and heart.csv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireHeartCsv } from '../support/paths.mjs';
import {
  chartInk, cspViolations, dropFileFromDisk, historyHeaders, historyRows, longTasksBetween, metric, openPage, pageNow, problems, screenshot, setField, useBrowser, waitForStatus, waitForDone, waitForLoaded,
} from './lib/page.mjs';

const env = useBrowser();

test('drop heart.csv, train 60 epochs of batch 32, and watch it learn', { timeout: 180000 }, async (t) => {
  const heart = requireHeartCsv(t);
  if (!heart) return;
  const { page, log, context } = await openPage(env.browser, env.server.url);
  try {
    await dropFileFromDisk(page, heart, 'heart.csv');
    await waitForLoaded(page, 'heart.csv');

    // The summary: the target pre-selected, dtypes, the describe table, the class balance.
    assert.equal(await page.getByLabel('Target column', { exact: true }).inputValue(), 'HeartDisease');
    const columns = page.getByRole('table', { name: 'Columns: type, missing values and statistics' });
    assert.equal(await columns.locator('tbody').getByRole('row').count(), 12);
    const sexRow = columns.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sex', exact: true }) });
    assert.match(await sexRow.textContent(), /object/);
    const ageRow = columns.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Age', exact: true }) });
    assert.match(await ageRow.textContent(), /int64/);
    const preview = page.getByRole('table', { name: /First \d+ rows/ });
    assert.ok(await preview.locator('tbody').getByRole('row').count() >= 5, 'the preview shows the first rows');
    const balance = page.getByRole('list', { name: 'Class balance of HeartDisease' });
    assert.match(await balance.textContent(), /0: 410.*1: 508/s);
    await screenshot(page, 'heart-loaded');

    await setField(page, 'Epochs', 60);
    await setField(page, 'Batch size', 32);
    const start = await pageNow(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForStatus(page, /^Epoch \d+\/60/, 20000);
    assert.ok(await page.getByLabel('Epochs', { exact: true }).isDisabled(), 'the settings are locked while training');
    assert.equal(await waitForDone(page, 120000), 'Done');
    const end = await pageNow(page);
    await screenshot(page, 'heart-done');

    assert.deepEqual(await historyHeaders(page), ['Epoch', 'Train loss', 'Val loss', 'Train accuracy', 'Val accuracy']);
    const rows = await historyRows(page);
    assert.equal(rows.length, 60, 'one history row per epoch');
    assert.deepEqual(rows.map((row) => row.epoch), Array.from({ length: 60 }, (_, i) => i + 1));
    for (const row of rows) {
      for (const key of ['trainLoss', 'valLoss', 'trainAccuracy', 'valAccuracy']) {
        assert.ok(Number.isFinite(row[key]), `epoch ${row.epoch}: ${key} is a number`);
      }
    }
    const last = rows[rows.length - 1];
    assert.ok(last.valAccuracy > 0.8, `final validation accuracy ${last.valAccuracy} > 0.80`);
    assert.ok(last.trainLoss < rows[0].trainLoss, 'the train loss went down');

    for (const name of ['Loss chart', 'Accuracy chart']) {
      const ink = await chartInk(page, name);
      assert.ok(ink.trainPixels > 200, `${name}: the train line is drawn (${ink.trainPixels} px)`);
      assert.ok(ink.valPixels > 200, `${name}: the validation line is drawn (${ink.valPixels} px)`);
    }

    // Results: the confusion matrix covers the 184 validation rows; precision, recall, AUC.
    const matrix = page.getByRole('table', { name: 'Confusion matrix (validation rows)' });
    const counts = (await matrix.locator('tbody').getByRole('cell').allTextContents())
      .map((text) => Number.parseInt(text.replace(/,/g, ''), 10));
    assert.equal(counts.length, 4);
    assert.equal(counts.reduce((a, b) => a + b, 0), 184);
    for (const name of ['Precision', 'Recall', 'AUC']) {
      const value = await metric(page, name);
      assert.ok(value > 0.5 && value <= 1, `${name} ${value}`);
    }

    const blocking = await longTasksBetween(page, start, end);
    assert.deepEqual(blocking.tasks, [], blocking.message);
    assert.deepEqual(log.offsite, [], 'no request beyond the page\'s own files');
    assert.ok(log.requests.every((url) => url.startsWith(env.server.url) || url.startsWith('blob:')), log.requests.join('\n'));
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
