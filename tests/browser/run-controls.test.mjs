// Pause and resume, Stop, Reset, the settings lock, a file refused while a run is going, and the
// scheduler's token that makes a stale animation-frame loop do nothing. Uses the built-in
// sample (no heart.csv needed). Needs the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chartInk, dropFile, historyRows, loadSample, problems, screenshot, setField, useBrowser, usePagePerTest, waitForDone,
} from './lib/page.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

const EPOCHS = 400; // long enough to act on while it runs

async function startLongRun(page) {
  await loadSample(page);
  await setField(page, 'Epochs', EPOCHS);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('status').filter({ hasText: new RegExp(`^Epoch \\d+/${EPOCHS}`) }).waitFor({ timeout: 20000 });
  await page.getByRole('table', { name: 'Training history' }).locator('tbody').getByRole('row').nth(1).waitFor();
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

test('pause holds the run, the button reads Resume, and resume finishes it', { timeout: 180000 }, async () => {
  const { page, log } = pages.current;
  await startLongRun(page);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const resume = page.getByRole('button', { name: 'Resume', exact: true });
  await resume.waitFor();
  assert.match(await page.getByRole('status').textContent(), new RegExp(`^Paused at epoch \\d+/${EPOCHS}`));
  const held = (await historyRows(page)).length;
  const bar = await page.getByRole('progressbar', { name: 'Training progress' }).getAttribute('aria-valuetext');
  await sleep(800);
  assert.equal((await historyRows(page)).length, held, 'no epoch runs while paused');
  assert.equal(await page.getByRole('progressbar', { name: 'Training progress' }).getAttribute('aria-valuetext'), bar);
  assert.ok(await page.getByLabel('Epochs', { exact: true }).isDisabled(), 'settings stay locked while paused');
  assert.ok(await page.getByRole('button', { name: 'Train', exact: true }).isDisabled());
  await screenshot(page, 'run-controls-paused');

  await resume.click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  assert.equal(await waitForDone(page, 150000), 'Done');
  const rows = await historyRows(page);
  assert.equal(rows.length, EPOCHS);
  assert.deepEqual(rows.map((row) => row.epoch), Array.from({ length: EPOCHS }, (_, i) => i + 1), 'no epoch lost or repeated');
  assert.ok(await page.getByLabel('Epochs', { exact: true }).isEnabled(), 'unlocked after the run');
  assert.deepEqual(problems(log), []);
});

test('stop ends the run where it is, says Done, and unlocks the settings', { timeout: 120000 }, async () => {
  const { page, log } = pages.current;
  await startLongRun(page);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  const status = await waitForDone(page);
  assert.match(status, new RegExp(`^Done: stopped after epoch \\d+/${EPOCHS}$`));
  const stoppedAt = Number(status.match(/epoch (\d+)\//)[1]);
  await sleep(500);
  const rows = await historyRows(page);
  assert.equal(rows.length, stoppedAt, 'the table matches the status');
  assert.ok(rows.length < EPOCHS);
  assert.ok(await page.getByRole('button', { name: 'Stop', exact: true }).isDisabled());
  assert.ok(await page.getByRole('button', { name: 'Pause', exact: true }).isDisabled());
  assert.ok(await page.getByRole('button', { name: 'Train', exact: true }).isEnabled());
  assert.ok(await page.getByLabel('Epochs', { exact: true }).isEnabled());
  assert.ok(await page.getByRole('button', { name: 'Download history (CSV)' }).isEnabled());
  await screenshot(page, 'run-controls-stopped');
  assert.deepEqual(problems(log), []);
});

test('reset clears the run and keeps the data; training again works', { timeout: 120000 }, async () => {
  const { page } = pages.current;
  const legendOnly = (await chartInk(page, 'Loss chart')).trainPixels; // the legend's sample line
  await startLongRun(page);
  assert.ok((await chartInk(page, 'Loss chart')).trainPixels > legendOnly);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^Reset\./ }).waitFor();
  assert.equal((await historyRows(page)).length, 0);
  assert.equal((await chartInk(page, 'Loss chart')).trainPixels, legendOnly, 'the charts are cleared');
  assert.ok(await page.getByRole('button', { name: 'Download history (CSV)' }).isDisabled());
  assert.equal(await page.getByLabel('Target column', { exact: true }).inputValue(), 'HeartDisease', 'the data is kept');
  await setField(page, 'Epochs', 3);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page), 'Done');
  assert.equal((await historyRows(page)).length, 3);
});

test('a file dropped during a run is refused with an alert, and the run goes on', { timeout: 120000 }, async () => {
  const { page } = pages.current;
  await startLongRun(page);
  assert.equal(await page.getByLabel('CSV file', { exact: true }).isDisabled(), true, 'the picker is locked');
  await dropFile(page, { name: 'other.csv', text: 'a,b\n1,0\n2,1\n' });
  await page.getByRole('alert').filter({ hasText: /run is in progress/ }).waitFor();
  const before = (await historyRows(page)).length;
  await page.waitForFunction((n) => document.querySelectorAll('#history-body tr').length > n, before, { timeout: 20000 });
  // The run went on past the drop: still training, or (faster machines end 400 epochs within
  // these waits) finished on its own, neither stopped nor replaced by the dropped file.
  assert.match(await page.getByRole('status').textContent(), new RegExp(`^(Epoch \\d+/${EPOCHS}|Done)`), 'the run went on');
  assert.match(await page.getByRole('heading', { name: /^Dataset/ }).textContent(), /heart_synthetic\.csv/, 'the data is unchanged');
  // The run may have ended since (it lasts a few seconds): Stop only if it still can, in one step.
  await page.evaluate(() => {
    const stop = /** @type {HTMLButtonElement} */ (document.getElementById('stop-button'));
    if (!stop.disabled) stop.click();
  });
  await waitForDone(page);
});

test('a stale animation-frame loop does nothing once its token is old', async () => {
  const { page } = pages.current;
  const calls = await page.evaluate(() => {
    const queue = [];
    let count = 0;
    const scheduler = window.gradtapeUI.createScheduler({
      work: () => { count += 1; return true; },
      requestFrame: (callback) => queue.push(callback),
      cancelFrame: () => {},
    });
    scheduler.start();
    const stale = queue.splice(0);
    scheduler.stop();
    stale.forEach((callback) => callback()); // a frame requested before stop() fires late
    const afterStop = count;
    scheduler.start();
    const first = queue.splice(0);
    scheduler.start(); // restarted: the first loop's frame is stale too
    first.forEach((callback) => callback());
    const afterRestart = count;
    queue.splice(0).forEach((callback) => callback());
    return { afterStop, afterRestart, live: count };
  });
  assert.deepEqual(calls, { afterStop: 0, afterRestart: 0, live: 1 });
});
