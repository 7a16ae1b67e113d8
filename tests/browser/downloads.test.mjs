// After a run: "Download history (CSV)" saves every epoch as the table shows it, and "Download
// settings (JSON)" saves the settings in force, the plan and the result, both through a Blob
// (no request). Needs the real module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { historyRows, loadSample, openPage, problems, setField, useBrowser, waitForDone } from './lib/page.mjs';

const env = useBrowser();

async function save(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8'), url: download.url() };
}

test('the history downloads as CSV and the run settings as JSON', { timeout: 120000 }, async () => {
  const { page, log, context } = await openPage(env.browser, env.server.url);
  try {
    await loadSample(page);
    assert.ok(await page.getByRole('button', { name: 'Download history (CSV)' }).isDisabled(), 'nothing to save yet');
    await setField(page, 'Epochs', 6);
    await setField(page, 'Learning rate', 0.002);
    await page.getByLabel('Optimizer', { exact: true }).selectOption('adam');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    assert.equal(await waitForDone(page), 'Done');
    const table = await historyRows(page);

    const csv = await save(page, 'Download history (CSV)');
    assert.match(csv.name, /^gradtape-history-heart_synthetic-[\d-]+\.csv$/);
    assert.ok(csv.url.startsWith('blob:'), 'saved from a Blob');
    const lines = csv.text.trim().split('\n');
    assert.equal(lines[0], 'epoch,train_loss,val_loss,train_accuracy,val_accuracy,val_precision,val_recall,val_auc,ms');
    assert.equal(lines.length, 7);
    lines.slice(1).forEach((line, i) => {
      const [epoch, trainLoss, valLoss, trainAccuracy, valAccuracy] = line.split(',').map(Number);
      assert.equal(epoch, i + 1);
      assert.equal(trainLoss.toFixed(4), table[i].trainLoss.toFixed(4));
      assert.equal(valLoss.toFixed(4), table[i].valLoss.toFixed(4));
      assert.equal(trainAccuracy.toFixed(4), table[i].trainAccuracy.toFixed(4));
      assert.equal(valAccuracy.toFixed(4), table[i].valAccuracy.toFixed(4));
    });

    const json = await save(page, 'Download settings (JSON)');
    assert.match(json.name, /^gradtape-settings-heart_synthetic-[\d-]+\.json$/);
    const saved = JSON.parse(json.text);
    assert.equal(saved.settings.epochs, 6);
    assert.equal(saved.settings.learningRate, 0.002);
    assert.equal(saved.settings.optimizer, 'adam');
    assert.equal(saved.settings.batchSize, 32);
    assert.deepEqual(saved.settings.hidden, [64, 64]);
    assert.equal(saved.settings.target, 'HeartDisease');
    assert.equal(saved.settings.seed, 42);
    assert.equal(saved.dataset.name, 'heart_synthetic.csv');
    assert.equal(saved.dataset.rows, 918);
    assert.equal(saved.plan.trainRows + saved.plan.valRows, 918);
    assert.equal(saved.result.status, 'done');
    assert.equal(saved.result.epochsCompleted, 6);
    assert.equal(saved.result.final.epoch, 6);
    assert.deepEqual(log.offsite, []);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
