// "How far to trust it" on the page, driven as a person would: after a heart.csv run the
// accuracy's Wilson interval and the majority baseline are stated, the ROC and PR curves are
// drawn, and moving the decision threshold repaints the confusion matrix and the figures (fewer
// predicted positives at a higher threshold, the same 184 rows), with no long task while it does.
// A regression run states the MAE's interval and the predict-the-mean baseline instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireHeartCsv, sharedDir } from '../support/paths.mjs';
import {
  dropFileFromDisk, longTasksBetween, metric, pageNow, problems, screenshot, setField, useBrowser, usePagePerTest, waitForDone, waitForLoaded,
} from './lib/page.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

async function matrixCounts(page) {
  const matrix = page.getByRole('table', { name: 'Confusion matrix (validation rows)' });
  return (await matrix.locator('tbody').getByRole('cell').allTextContents()).map((text) => Number.parseInt(text.replace(/,/g, ''), 10));
}

// The number of canvas pixels that are neither transparent nor the background's.
async function ink(page, id) {
  return page.evaluate((canvasId) => {
    const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById(canvasId));
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count += 1;
    return count;
  }, id);
}

test('a binary run states its interval and baseline, draws its curves, and the threshold moves the matrix', { timeout: 180000 }, async (t) => {
  const heart = requireHeartCsv(t);
  if (!heart) return;
  const { page, log } = pages.current;
  await dropFileFromDisk(page, heart, 'heart.csv');
  await waitForLoaded(page, 'heart.csv');
  await setField(page, 'Epochs', 20);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page, 120000), 'Done');

  await page.locator('#trust-summary').waitFor(); // shown in the frame after Done
  const summary = await page.locator('#trust-summary').textContent();
  const found = /^Accuracy (\d+\.\d)% \(95% Wilson interval (\d+\.\d)% to (\d+\.\d)%\)\. Always guessing “1” scores (\d+\.\d)%/.exec(summary);
  assert.ok(found, summary);
  const [accuracy, low, high, baseline] = found.slice(1).map(Number);
  assert.ok(low < accuracy && accuracy < high, `${low} < ${accuracy} < ${high}`);
  assert.ok(Math.abs(accuracy - 100 * (await metric(page, 'Accuracy'))) < 0.06, 'the sentence and the Results card agree');
  assert.ok(baseline > 50 && baseline < 70, `the majority class's share of the validation rows: ${baseline}%`);
  assert.match(await page.locator('#roc-sub').textContent(), /^AUC 0\.\d{4}/);
  assert.ok(await ink(page, 'roc-plot') > 500, 'the ROC curve is drawn');
  assert.ok(await ink(page, 'pr-plot') > 500, 'the PR curve is drawn');

  const atHalf = await matrixCounts(page);
  assert.equal(atHalf.reduce((a, b) => a + b, 0), 184);
  const slider = page.getByLabel('Decision threshold', { exact: true });
  const start = await pageNow(page);
  await slider.fill('0.9');
  await page.locator('#results-epoch', { hasText: 'at threshold 0.90' }).waitFor();
  const atHigh = await matrixCounts(page);
  assert.equal(atHigh.reduce((a, b) => a + b, 0), 184, 'the same rows at any threshold');
  const positives = (counts) => counts[1] + counts[3]; // predicted positive: FP + TP
  assert.ok(positives(atHigh) < positives(atHalf), `fewer predicted positives at 0.9 (${positives(atHigh)}) than at 0.5 (${positives(atHalf)})`);
  await screenshot(page, 'trust-threshold-0.9');
  const precision = await metric(page, 'Precision');
  assert.ok(Math.abs(precision - atHigh[3] / positives(atHigh)) < 1e-4, `precision ${precision} is TP / (TP + FP) of the matrix`);
  for (const value of ['0.3', '0.6', '0.75', '0.1']) await slider.fill(value);
  await page.locator('#results-epoch', { hasText: 'at threshold 0.10' }).waitFor();
  assert.ok(positives(await matrixCounts(page)) > positives(atHalf), 'more predicted positives at 0.1');
  await slider.fill('0.5');
  await page.locator('#results-epoch', { hasText: /^after epoch 20 of 20$/ }).waitFor();
  assert.deepEqual(await matrixCounts(page), atHalf, 'back at 0.5, the run\'s own matrix');
  const blocking = await longTasksBetween(page, start, await pageNow(page));
  assert.deepEqual(blocking.tasks, [], blocking.message);

  // What the model relies on: one bar per feature column, computed over frames, largest first.
  const bars = page.locator('#importance-list li');
  await bars.first().waitFor({ timeout: 30000 });
  assert.equal(await bars.count(), 11, 'one bar per feature column');
  const drops = (await page.locator('#importance-list .importance-value').allTextContents()).map((text) => Number.parseFloat(text));
  assert.deepEqual(drops, [...drops].sort((a, b) => b - a), 'largest drop first');
  assert.ok(drops[0] > 0.02, `shuffling the top column hurts: ${drops[0]}`);
  assert.match(await page.locator('#importance-note').textContent(), /^How much Val loss gets worse \(higher\) when one column's values are shuffled/);

  // The rows it gets wrong: the matrix's off-diagonal rows, sortable, downloadable.
  const wrong = atHalf[1] + atHalf[2];
  const table = page.getByRole('table', { name: 'Misclassified validation rows' });
  assert.equal(await table.locator('tbody tr').count(), wrong, 'one row per misclassified validation row');
  assert.match(await page.locator('#errors-note').textContent(), new RegExp(`^${wrong} misclassified validation rows\\. Most confident first`));
  const confidence = table.getByRole('button', { name: /^Confidence/ });
  await confidence.click();
  assert.equal(await confidence.locator('xpath=..').getAttribute('aria-sort'), 'descending');
  await confidence.click();
  assert.equal(await confidence.locator('xpath=..').getAttribute('aria-sort'), 'ascending');
  const column = await table.locator('thead th').count();
  const shares = (await table.locator(`tbody tr td:nth-child(${column})`).allTextContents()).map((text) => Number.parseFloat(text));
  assert.deepEqual(shares, [...shares].sort((a, b) => a - b), 'sorted by confidence, lowest first');
  assert.ok(shares.every((share) => share >= 50 && share <= 100), 'a wrong prediction\'s confidence is at least 50%');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download these rows (CSV)' }).click()]);
  assert.match(download.suggestedFilename(), /^gradtape-misclassified-heart-.*\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(lines.length, wrong + 1);
  assert.match(lines[0], /^csv_line,Age,Sex,.*,HeartDisease,predicted_HeartDisease,confidence$/);
  assert.deepEqual(problems(log), []);
});

test('a regression run states the MAE interval and the predict-the-mean baseline, with no threshold', { timeout: 180000 }, async () => {
  const { page, log } = pages.current;
  await dropFileFromDisk(page, join(sharedDir, 'data/diabetes_progression.csv'), 'diabetes_progression.csv');
  await waitForLoaded(page, 'diabetes_progression.csv');
  await setField(page, 'Epochs', 10);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page, 120000), 'Done');
  await page.locator('#trust-summary').waitFor();
  const summary = await page.locator('#trust-summary').textContent();
  const found = /^MAE ([\d.]+) \(95% interval ([\d.]+) to ([\d.]+)\)\. Predicting the train rows' mean for every row scores an MAE of ([\d.]+)/.exec(summary);
  assert.ok(found, summary);
  const [mae, low, high, baseline] = found.slice(1).map(Number);
  assert.ok(low < mae && mae < high, `${low} < ${mae} < ${high}`);
  assert.ok(baseline > mae, `the model (${mae}) beats predicting the mean (${baseline})`);
  assert.ok(await page.locator('#threshold-box').isHidden(), 'no threshold for a regression');
  assert.deepEqual(problems(log), []);
});
