// A large file (about 100,000 rows, 4 MB) stays smooth from the moment it is chosen to "Done":
// reading, describing and preparing it run in slices of a few milliseconds (loadCsvAsync,
// configureAsync), and the steps in animation frames within a time budget, so no task blocks the
// page for more than 50 ms. Needs the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heartShapedCsv } from '../support/heart-shaped.mjs';
import {
  historyRows, longTasksBetween, openPage, pageNow, problems, setField, useBrowser, waitForStatus, waitForDone, waitForLoaded,
} from './lib/page.mjs';

const env = useBrowser();

test('loading, configuring and training on 100,000 rows keep every task under 50 ms', { timeout: 300000 }, async () => {
  const { page, log, context } = await openPage(env.browser, env.server.url);
  const folder = mkdtempSync(join(tmpdir(), 'gradtape-large-'));
  try {
    // 110 copies of the sample's 918 rows, chosen from disk as a person would (a buffer handed to
    // setInputFiles is decoded by a script in the page, itself a long task).
    const path = join(folder, 'big.csv');
    writeFileSync(path, heartShapedCsv(110 * 918));
    const chosen = await pageNow(page);
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(path);
    await waitForLoaded(page, 'big.csv', 120000);
    const loaded = await pageNow(page);
    await setField(page, 'Epochs', 2);
    await setField(page, 'Batch size', 32);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForStatus(page, /^Epoch 1\/2/, 60000);
    const start = await pageNow(page);
    // Mid-epoch the progress figures move (batch, samples/s, ETA).
    await page.waitForFunction(() => /\d+\/\d+/.test(document.getElementById('stat-batch').textContent), null, { timeout: 60000 });
    assert.equal(await waitForDone(page, 240000), 'Done');
    const end = await pageNow(page);
    assert.equal((await historyRows(page)).length, 2);
    for (const [from, to] of [[chosen, loaded], [loaded, start], [start, end]]) {
      const blocking = await longTasksBetween(page, from, to);
      assert.deepEqual(blocking.tasks, [], blocking.message);
    }
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
    rmSync(folder, { recursive: true });
  }
});
