// The best epoch and early stopping on the page: with "Early stopping" ticked the run stops once
// the validation loss has not improved for `patience` epochs and says so in the status; after a
// full run whose best epoch is not its last, the page says how they compare and "Use the best
// epoch's model" puts the best epoch's results (and model) in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sharedDir } from '../support/paths.mjs';
import {
  dropFileFromDisk, historyRows, metric, problems, setField, useBrowser, usePagePerTest, waitForDone, waitForLoaded,
} from './lib/page.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

test('early stopping ends the run after patience epochs without improvement, and says so', { timeout: 180000 }, async () => {
  const { page, log } = pages.current;
  await dropFileFromDisk(page, join(sharedDir, 'data/penguins.csv'), 'penguins.csv');
  await waitForLoaded(page, 'penguins.csv');
  await page.getByLabel('Target column', { exact: true }).selectOption('sex');
  await setField(page, 'Epochs', 300);
  await page.getByLabel('Early stopping', { exact: true }).check();
  await page.locator('summary', { hasText: 'Advanced' }).click();
  await setField(page, 'Patience', 4);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = await waitForDone(page, 150000);
  const match = /^Done: early stopping after epoch (\d+) of 300: val_loss has not improved for 4 epochs since epoch (\d+)$/.exec(status);
  assert.ok(match, status);
  const rows = await historyRows(page);
  assert.equal(rows.length, Number(match[1]));
  assert.equal(Number(match[1]), Number(match[2]) + 4);
  const best = rows[Number(match[2]) - 1];
  assert.ok(rows.every((row) => row.valLoss >= best.valLoss), 'the best epoch has the lowest validation loss');
  assert.deepEqual(problems(log), []);
});

test('after a run, the best epoch is named and its model can be used', { timeout: 180000 }, async () => {
  const { page, log } = pages.current;
  await dropFileFromDisk(page, join(sharedDir, 'data/diabetes_progression.csv'), 'diabetes_progression.csv');
  await waitForLoaded(page, 'diabetes_progression.csv');
  await setField(page, 'Epochs', 60);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page, 150000), 'Done');
  const rows = await historyRows(page);
  const lowest = rows.reduce((a, b) => (b.valLoss < a.valLoss ? b : a));
  assert.notEqual(lowest.epoch, 60, 'the diabetes run overfits: its best epoch is not its last');
  const starred = page.locator('#history-body tr.best');
  assert.equal(await starred.count(), 1, 'one history row is marked the best');
  assert.equal(Number(await starred.locator('td').first().textContent()), lowest.epoch, 'the marked row is the best epoch');
  assert.equal(await starred.getAttribute('title'), 'The best epoch so far by Val loss');
  const button = page.getByRole('button', { name: `Use the best epoch's model (epoch ${lowest.epoch})` });
  await button.waitFor();
  assert.match(await page.locator('#run-summary').textContent(), new RegExp(`best epoch ${lowest.epoch}: Val loss`));
  const lastMae = await metric(page, 'MAE');
  await button.click();
  await page.getByRole('button', { name: `Using epoch ${lowest.epoch}, the best` }).waitFor();
  assert.match(await page.locator('#results-epoch').textContent(), new RegExp(`after epoch ${lowest.epoch} of 60`));
  const bestMae = await metric(page, 'MAE');
  const bestValMae = lowest.valAccuracy; // historyRows' fifth column: Val MAE for a regression
  assert.ok(Math.abs(bestMae - bestValMae) < 0.01 * bestValMae, `MAE ${bestMae} against the best epoch's ${bestValMae}`);
  assert.notEqual(bestMae, lastMae);
  await page.waitForFunction((epoch) => document.body.textContent.includes(`with the weights of its best epoch (${epoch})`), lowest.epoch);
  assert.deepEqual(problems(log), []);
});
