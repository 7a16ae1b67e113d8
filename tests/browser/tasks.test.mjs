// Every table: the page trains multi-class and regression targets as a person would meet them.
// Penguins (species, 3 classes) shows the K x K confusion matrix labelled with the species and a
// per-class table; diabetes progression (a number) shows MAE, RMSE and R², the predicted-against-
// actual and residual plots, and the MAE per epoch. The target list gives each column's task,
// and the columns that cannot be a target are listed disabled with the reason. Needs the real
// module and ../shared/data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../support/paths.mjs';
import {
  chartInk, dropFile, dropFileFromDisk, historyHeaders, historyRows, metric, problems, screenshot, setField, useBrowser,
  usePagePerTest, waitForDone, waitForLoaded,
} from './lib/page.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);

async function targetOptions(page) {
  return page.getByLabel('Target column', { exact: true }).locator('option').evaluateAll((options) =>
    options.map((o) => ({ value: o.value, text: o.textContent, disabled: o.disabled })));
}

async function train(page, epochs) {
  await setField(page, 'Epochs', epochs);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page, 120000), 'Done');
}

test('penguins: species is a 3-class target, with a labelled confusion matrix and per-class scores', { timeout: 120000 }, async () => {
  const { page, log } = pages.current;
  await dropFileFromDisk(page, join(sharedDir, 'data/penguins.csv'), 'penguins.csv');
  await waitForLoaded(page, 'penguins.csv');
  const options = await targetOptions(page);
  assert.equal(await page.getByLabel('Target column', { exact: true }).inputValue(), 'species');
  assert.deepEqual(options.find((o) => o.value === 'species'), { value: 'species', text: 'species: 3 classes', disabled: false });
  assert.equal(options.find((o) => o.value === 'body_mass_g').text, 'body_mass_g: regression');
  assert.equal(options.find((o) => o.value === 'sex').text, 'sex: 2 classes (female / male)');
  assert.match(await page.getByRole('list', { name: 'Class balance of species' }).textContent(), /Adelie: 152.*Chinstrap: 68.*Gentoo: 124/s);

  await train(page, 20);
  assert.deepEqual(await historyHeaders(page), ['Epoch', 'Train loss', 'Val loss', 'Train accuracy', 'Val accuracy']);
  const rows = await historyRows(page);
  assert.equal(rows.length, 20);
  assert.ok(rows[19].valAccuracy > 0.9, `validation accuracy ${rows[19].valAccuracy}`);

  const matrix = page.getByRole('table', { name: 'Confusion matrix (validation rows)' });
  assert.deepEqual((await matrix.getByRole('columnheader').allTextContents()).map((t) => t.trim()), ['Adelie', 'Chinstrap', 'Gentoo']);
  assert.deepEqual((await matrix.getByRole('rowheader').allTextContents()).map((t) => t.trim()), ['Adelie', 'Chinstrap', 'Gentoo']);
  const counts = (await matrix.locator('tbody').getByRole('cell').allTextContents()).map((t) => Number.parseInt(t, 10));
  assert.equal(counts.length, 9);
  assert.equal(counts.reduce((a, b) => a + b, 0), 67, 'every validation row once');
  const scores = page.getByRole('table', { name: 'Per-class scores (validation rows)' });
  assert.equal(await scores.locator('tbody').getByRole('row').count(), 3);
  assert.ok((await metric(page, 'Macro-F1')) > 0.9);
  assert.ok((await metric(page, 'Accuracy')) > 0.9);
  const ink = await chartInk(page, 'Accuracy chart');
  assert.ok(ink.trainPixels > 100 && ink.valPixels > 100, JSON.stringify(ink));
  await screenshot(page, 'tasks-penguins');
  assert.deepEqual(problems(log), []);
});

test('diabetes: progression is a regression, with MAE, RMSE, R² and its plots', { timeout: 120000 }, async () => {
  const { page, log } = pages.current;
  await dropFileFromDisk(page, join(sharedDir, 'data/diabetes_progression.csv'), 'diabetes_progression.csv');
  await waitForLoaded(page, 'diabetes_progression.csv');
  assert.equal(await page.getByLabel('Target column', { exact: true }).inputValue(), 'progression');
  assert.equal((await targetOptions(page)).find((o) => o.value === 'progression').text, 'progression: regression');
  assert.ok(await page.getByLabel('Stratified split', { exact: true }).isDisabled(), 'no classes to stratify');

  await train(page, 12);
  assert.deepEqual(await historyHeaders(page), ['Epoch', 'Train loss', 'Val loss', 'Train MAE', 'Val MAE']);
  const mae = await metric(page, 'MAE');
  const r2 = await metric(page, 'R²');
  assert.ok(mae > 20 && mae < 120, `MAE ${mae} in progression's units`);
  assert.ok(r2 > 0 && r2 < 1, `R² ${r2}`);
  assert.ok((await metric(page, 'RMSE')) >= mae);
  for (const name of ['Predicted against actual', 'Residuals']) {
    const drawn = await page.getByRole('img', { name, exact: true }).evaluate((canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) inked += data[i] > 0;
      return inked;
    });
    assert.ok(drawn > 1000, `${name} is drawn (${drawn} px)`);
  }
  const ink = await chartInk(page, 'MAE chart');
  assert.ok(ink.trainPixels > 100 && ink.valPixels > 100, JSON.stringify(ink));
  assert.match(await page.locator('#run-summary').textContent(), /final val MAE \d/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download history (CSV)' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(csv[0], 'epoch,train_loss,val_loss,train_mae,val_mae,val_rmse,val_r2,ms');
  assert.equal(csv.length, 13);
  await screenshot(page, 'tasks-diabetes');
  assert.deepEqual(problems(log), []);
});

test('the Task setting overrides the rule, and columns that cannot be a target say why', { timeout: 120000 }, async () => {
  const { page, log } = pages.current;
  const lines = ['id,constant,empty,alcohol,quality'];
  for (let i = 0; i < 120; i += 1) lines.push(`${i + 1},7,,${(9 + (i % 40) / 10).toFixed(1)},${3 + ((i * 7) % 6)}`);
  await dropFile(page, { name: 'wine.csv', text: `${lines.join('\n')}\n` });
  await waitForLoaded(page, 'wine.csv');
  const options = await targetOptions(page);
  assert.deepEqual(options.find((o) => o.value === 'quality'), { value: 'quality', text: 'quality: 6 classes', disabled: false });
  for (const [name, why] of [['id', /ID/], ['constant', /one value/], ['empty', /missing/]]) {
    const option = options.find((o) => o.value === name);
    assert.ok(option.disabled, `${name} is disabled`);
    assert.match(option.text, why);
  }
  await page.getByLabel('Task', { exact: true }).selectOption('regression');
  assert.equal((await targetOptions(page)).find((o) => o.value === 'quality').text, 'quality: regression');
  assert.equal(await page.getByLabel('Target column', { exact: true }).inputValue(), 'quality');
  await train(page, 5);
  assert.deepEqual(await historyHeaders(page), ['Epoch', 'Train loss', 'Val loss', 'Train MAE', 'Val MAE']);
  assert.deepEqual(problems(log), []);
});
