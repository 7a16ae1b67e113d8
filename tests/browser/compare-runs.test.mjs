// Comparing runs on the page: after three heart.csv runs with different learning rates, the two
// earlier ones are listed under the charts, labelled by the setting that differs, and their
// validation lines are overlaid in both charts (uPlot's legend lists them); a checkbox hides one,
// Clear removes one, and "Clear all earlier runs" empties the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireHeartCsv } from '../support/paths.mjs';
import {
  dropFileFromDisk, problems, screenshot, setField, useBrowser, usePagePerTest, waitForDone, waitForLoaded,
} from './lib/page.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

// The series names in a chart's legend (Epoch, Train, Validation, then the earlier runs).
async function legend(page, id) {
  return page.locator(`#${id} .u-legend .u-series .u-label`).allTextContents();
}

test('earlier runs are overlaid, labelled by what differs, and can be hidden or cleared', { timeout: 240000 }, async (t) => {
  const heart = requireHeartCsv(t);
  if (!heart) return;
  const { page, log } = pages.current;
  await dropFileFromDisk(page, heart, 'heart.csv');
  await waitForLoaded(page, 'heart.csv');
  await setField(page, 'Epochs', 8);
  for (const rate of ['0.001', '0.01', '0.0001']) {
    await setField(page, 'Learning rate', rate);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    assert.equal(await waitForDone(page, 120000), 'Done');
  }
  const items = page.locator('#past-run-list li');
  assert.equal(await items.count(), 2);
  const labels = await items.allTextContents();
  assert.match(labels[0], /^Run 2Learning rate 0\.01 · 8 epochs, final val acc/, labels[0]);
  assert.match(labels[1], /^Run 1Learning rate 0\.001 · 8 epochs/, labels[1]);
  for (const chart of ['loss-chart', 'accuracy-chart']) {
    assert.deepEqual((await legend(page, chart)).slice(1), ['Train', 'Validation', 'Run 2', 'Run 1'], chart);
  }
  await screenshot(page, 'compare-runs');

  await page.getByRole('checkbox', { name: /^Run 1/ }).uncheck();
  assert.deepEqual((await legend(page, 'loss-chart')).slice(1), ['Train', 'Validation', 'Run 2'], 'Run 1 is hidden');
  await page.getByRole('checkbox', { name: /^Run 1/ }).check();
  assert.deepEqual((await legend(page, 'loss-chart')).slice(1), ['Train', 'Validation', 'Run 2', 'Run 1'], 'and shown again');
  await page.getByRole('button', { name: 'Clear run 2' }).click();
  assert.equal(await items.count(), 1);
  assert.deepEqual((await legend(page, 'accuracy-chart')).slice(1), ['Train', 'Validation', 'Run 1']);
  await page.getByRole('button', { name: 'Clear all earlier runs' }).click();
  assert.ok(await page.locator('#past-runs').isHidden());
  assert.deepEqual((await legend(page, 'loss-chart')).slice(1), ['Train', 'Validation']);
  assert.deepEqual(problems(log), []);
});
