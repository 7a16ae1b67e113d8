// Every message matches the state it describes, read at each change of state: after a load,
// during a run, after Stop, Done, Reset, an error and a new file. No "a run is in progress"
// once it is not, no time left once a run is over, no "Batch 0/N" after an epoch, and never
// "Press Train" while Train cannot be pressed. Needs the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dropFile, loadSample, problems, runTexts, setField, useBrowser, usePagePerTest, waitForDone, waitForLoaded, waitForStatus,
} from './lib/page.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

// What must hold in every state: a hint to press Train only when it can be pressed, and a batch
// counter that never reads 0 of a finished epoch.
function checkAlways(texts, when) {
  if (/Press Train/i.test(texts.status)) assert.ok(texts.train, `${when}: "${texts.status}" while Train is disabled`);
  assert.doesNotMatch(texts.batch, /^0\//, `${when}: batch ${texts.batch}`);
}

// After the run is over (Stop, Done, an error): no time left, nothing in progress.
function checkOver(texts, when) {
  checkAlways(texts, when);
  assert.equal(texts.eta, '–', `${when}: the ETA is cleared`);
  assert.doesNotMatch(texts.alert, /in progress/, `${when}: ${texts.alert}`);
  assert.ok(!texts.lockNote, `${when}: the settings are not said to be locked`);
  assert.doesNotMatch(texts.dropzone, /Locked/, `${when}: ${texts.dropzone}`);
  assert.ok(texts.train, `${when}: Train can be pressed again`);
}

async function startRun(page, epochs) {
  await setField(page, 'Epochs', epochs);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // A short run can end between two polls of the status: its Done counts as having started.
  await waitForStatus(page, new RegExp(`^(Epoch \\d+/${epochs}|Done)`), 20000);
  await page.getByRole('table', { name: 'Training history' }).locator('tbody').getByRole('row').first().waitFor();
}

test('load, run, a refused file, Stop, Reset, Done and a new file: every message true', { timeout: 180000 }, async () => {
  const { page, log } = pages.current;
  checkAlways(await runTexts(page), 'ready');
  await loadSample(page);
  let texts = await runTexts(page);
  checkAlways(texts, 'loaded');
  assert.match(texts.status, /^Loaded heart_synthetic\.csv: 918 rows\. Press Train to start\.$/);
  assert.ok(texts.train);

  await startRun(page, 400);
  texts = await runTexts(page);
  checkAlways(texts, 'running');
  assert.ok(!texts.train);
  assert.ok(texts.lockNote, 'the settings say they are locked');
  // A file dropped now is refused with "a run is in progress" ...
  await dropFile(page, { name: 'other.csv', text: 'a,b\n1,0\n2,1\n' });
  await page.getByRole('alert').filter({ hasText: /A run is in progress/ }).waitFor();

  // ... which goes with the run: Stop.
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  const stopped = await waitForDone(page);
  assert.match(stopped, /^Done: stopped after epoch \d+\/400$/);
  texts = await runTexts(page);
  checkOver(texts, 'stopped');

  // Reset clears the figures.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await waitForStatus(page, /^Reset\./);
  texts = await runTexts(page);
  checkAlways(texts, 'reset');
  assert.match(texts.status, /^Reset\. heart_synthetic\.csv is still loaded\. Press Train to start again\.$/);
  for (const key of ['epoch', 'batch', 'rate', 'eta', 'elapsed']) assert.equal(texts[key], '–', `reset: ${key}`);
  assert.equal(texts.summary, '');

  // A run refused a file, then was reset while the alert stood: the alert goes too.
  await startRun(page, 400);
  await dropFile(page, { name: 'other.csv', text: 'a,b\n1,0\n2,1\n' });
  await page.getByRole('alert').filter({ hasText: /A run is in progress/ }).waitFor();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await waitForStatus(page, /^Paused/);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await waitForStatus(page, /^Reset\./);
  texts = await runTexts(page);
  assert.doesNotMatch(texts.alert, /in progress/, `after Reset: ${texts.alert}`);
  checkAlways(texts, 'reset after pause');

  // Done: every batch of the last epoch, no time left.
  await startRun(page, 3);
  assert.equal(await waitForDone(page), 'Done');
  texts = await runTexts(page);
  checkOver(texts, 'done');
  assert.equal(texts.epoch, '3/3');
  assert.match(texts.batch, /^(\d+)\/\1$/, `done: ${texts.batch}`);
  assert.match(texts.summary, /^3 epochs in /);

  // A new file: the last run's figures and summary go.
  await dropFile(page, { name: 'tiny.csv', text: `a,b,y\n${Array.from({ length: 30 }, (_, i) => `${i},${i % 7},${i % 2}`).join('\n')}\n` });
  await waitForLoaded(page, 'tiny.csv');
  texts = await runTexts(page);
  checkAlways(texts, 'new file');
  assert.equal(texts.summary, '');
  for (const key of ['epoch', 'batch', 'eta']) assert.equal(texts[key], '–', `new file: ${key}`);
  assert.ok(await page.locator('#results-data').isHidden(), 'the last run\'s data line goes');
  assert.deepEqual(problems(log), []);
});

test('an error: the run stops, says so, and nothing claims it goes on', { timeout: 120000 }, async () => {
  const { page } = pages.current;
  // A regression on huge numbers with a huge learning rate diverges within an epoch or two.
  const rows = Array.from({ length: 200 }, (_, i) => `${i * 1e6},${(i % 13) * 1e6},${i * 3e7 + (i % 7) * 1e6}`);
  await dropFile(page, { name: 'wild.csv', text: `x,z,target\n${rows.join('\n')}\n` });
  await waitForLoaded(page, 'wild.csv');
  await setField(page, 'Learning rate', 10);
  await page.getByLabel('Optimizer', { exact: true }).selectOption('sgd');
  await setField(page, 'Epochs', 200);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const status = await waitForStatus(page, /^(Stopped by an error|Done)/, 60000);
  assert.match(status, /^Stopped by an error after epoch \d+\/200$/);
  const texts = await runTexts(page);
  checkOver({ ...texts, alert: '' }, 'error');
  assert.match(texts.alert, /Training stopped by an error/);
});

test('a file with no target: no hint to press Train', { timeout: 60000 }, async () => {
  const { page, log } = pages.current;
  await dropFile(page, { name: 'flat.csv', text: 'a,b\n1,1\n1,1\n1,1\n' });
  await waitForStatus(page, /^Loaded flat\.csv/);
  const texts = await runTexts(page);
  assert.ok(!texts.train);
  checkAlways(texts, 'no target');
  assert.deepEqual(problems(log), []);
});
