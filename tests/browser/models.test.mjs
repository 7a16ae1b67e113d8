// Models that travel, on the page as a person uses it: after a run, "Use the model" predicts a
// row from a form built from the feature columns; a CSV file is scored into a download with the
// prediction columns and a reason for each row that could not be scored; the model saved as a
// file and dropped on a fresh page predicts the same; the TensorFlow.js export downloads both of
// its files; a damaged model file is refused and the model in use stays. The settings live in
// the address: a new page opened at it has the same settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../support/paths.mjs';
import {
  dropFile, dropFileFromDisk, openPage, problems, screenshot, setField, useBrowser, usePagePerTest,
  waitForDone, waitForLoaded,
} from './lib/page.mjs';

const env = useBrowser();
const pages = usePagePerTest(env);
const penguins = join(sharedDir, 'data/penguins.csv');
const header = 'island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year';
const newRows = `${header}\nBiscoe,45.1,14.5,215,5000,female,2008\nAtlantis,45,14,215,5000,female,2008\nDream,39.5,18.8,190,3700,male,2009\n`;

async function trainPenguins(page, epochs = 8) {
  await dropFileFromDisk(page, penguins, 'penguins.csv');
  await waitForLoaded(page, 'penguins.csv');
  await setField(page, 'Epochs', epochs);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await waitForDone(page, 120000), 'Done');
  await page.locator('#model-panel').waitFor({ state: 'visible' });
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8'), bytes: readFileSync(path) };
}

async function scoreFile(page, text) {
  return download(page, () => page.getByLabel('CSV file to score').setInputFiles({ name: 'new.csv', mimeType: 'text/csv', buffer: Buffer.from(text) }));
}

const predictionText = (page) => page.locator('#prediction-text').textContent();
const predictField = (page, name) => page.getByRole('form', { name: 'Predict one row' }).getByLabel(name, { exact: true });

test('after a run the model predicts a row, scores a file, and travels as a file to a fresh page', { timeout: 180000 }, async () => {
  const { page, log } = pages.current;
  await trainPenguins(page);
  const card = page.getByRole('region', { name: /Use the model/ });
  assert.match(await card.textContent(), /from the run on penguins\.csv/);
  // The form has one field per feature column: numbers, and selects of the known values.
  assert.deepEqual(await page.locator('#predict-fields label').allTextContents(), header.split(','));
  assert.deepEqual(await predictField(page, 'island').locator('option').allTextContents(), ['Biscoe', 'Dream', 'Torgersen']);
  await predictField(page, 'island').selectOption('Biscoe');
  await predictField(page, 'bill_length_mm').fill('47.5');
  await predictField(page, 'bill_depth_mm').fill('14.2');
  await predictField(page, 'flipper_length_mm').fill('217');
  await predictField(page, 'body_mass_g').fill('5200');
  assert.match(await predictionText(page), /^species: Gentoo \(\d+\.\d%\)$/);
  const probabilities = page.locator('#prediction-probabilities tbody tr');
  assert.equal(await probabilities.count(), 3);
  const formAnswer = await predictionText(page);

  const scored = await scoreFile(page, newRows);
  assert.equal(scored.name, 'new-predictions.csv');
  const lines = scored.text.trim().split('\n');
  assert.equal(lines[0], `${header},predicted_species,probability_Adelie,probability_Chinstrap,probability_Gentoo,prediction_problem`);
  assert.match(lines[1], /,Gentoo,[\d.e-]+,[\d.e-]+,[\d.e-]+,$/);
  assert.match(lines[2], /Atlantis.*a value the training rows never had/);
  assert.match(lines[3], /,Adelie,/);
  assert.match(await page.locator('#score-summary').textContent(), /Scored 2 rows of 3; 1 could not be scored/);

  const saved = await download(page, () => page.getByRole('button', { name: 'Save model (JSON)' }).click());
  assert.equal(JSON.parse(saved.text).format, 'gradtape-model/1');
  assert.match(JSON.parse(saved.text).data.sha256, /^[0-9a-f]{64}$/, 'the training file\'s sha256');
  const tfjs = [];
  page.on('download', (file) => tfjs.push(file.suggestedFilename()));
  await page.getByRole('button', { name: 'Export for TensorFlow.js' }).click();
  await page.waitForTimeout(500);
  assert.deepEqual(tfjs.sort(), ['model.json', 'model.weights.bin']);
  await screenshot(page, 'models-penguins');
  assert.deepEqual(problems(log), []);

  // A fresh page, no data loaded: the dropped model predicts the same.
  const fresh = await openPage(env.browser, env.server.url);
  try {
    await dropFile(fresh.page, { name: 'penguins-model.json', text: saved.text, type: 'application/json' });
    await fresh.page.locator('#model-panel').waitFor({ state: 'visible' });
    assert.match(await fresh.page.getByRole('region', { name: /Use the model/ }).textContent(), /loaded from penguins-model\.json/);
    await predictField(fresh.page, 'island').selectOption('Biscoe');
    for (const [name, value] of [['bill_length_mm', '47.5'], ['bill_depth_mm', '14.2'], ['flipper_length_mm', '217'], ['body_mass_g', '5200']]) {
      await predictField(fresh.page, name).fill(value);
    }
    assert.equal(await predictionText(fresh.page), formAnswer);
    assert.equal((await scoreFile(fresh.page, newRows)).text, scored.text);
    assert.deepEqual(problems(fresh.log), []);
  } finally {
    await fresh.context.close();
  }
});

test('a damaged model file is refused with its reason, and the model in use stays', { timeout: 180000 }, async () => {
  const { page } = pages.current;
  await trainPenguins(page, 3);
  const before = await predictionText(page);
  const damaged = '{"format":"gradtape-model/1","task":"binary"}';
  await dropFile(page, { name: 'broken.json', text: damaged, type: 'application/json' });
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: 'Could not load the model broken.json' }).waitFor();
  assert.match(await alert.textContent(), /has no "preprocessing".*The model in use \(penguins\.csv\) is kept/s);
  assert.equal(await predictionText(page), before);
  await page.getByLabel('Load a model file').setInputFiles({ name: 'half.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "gradt') });
  await alert.filter({ hasText: 'Could not load the model half.json' }).waitFor();
  assert.match(await alert.textContent(), /not valid JSON/);
});

test('the settings live in the address, and a settings file loads back', { timeout: 180000 }, async () => {
  const { page, log } = pages.current;
  await dropFileFromDisk(page, penguins, 'penguins.csv');
  await waitForLoaded(page, 'penguins.csv');
  await page.getByLabel('Target column', { exact: true }).selectOption('sex');
  await setField(page, 'Epochs', 7);
  await setField(page, 'Batch size', 16);
  const url = await page.evaluate(() => location.href);
  assert.match(url, /#.*target=sex/);
  assert.match(url, /epochs=7/);
  assert.match(url, /batchSize=16/);

  const other = await openPage(env.browser, url);
  try {
    assert.equal(await other.page.getByLabel('Epochs', { exact: true }).inputValue(), '7');
    assert.equal(await other.page.getByLabel('Batch size', { exact: true }).inputValue(), '16');
    await dropFileFromDisk(other.page, penguins, 'penguins.csv');
    await waitForLoaded(other.page, 'penguins.csv');
    assert.equal(await other.page.getByLabel('Target column', { exact: true }).inputValue(), 'sex', 'the linked target, not the suggested one');
    assert.deepEqual(problems(other.log), []);
  } finally {
    await other.context.close();
  }

  await page.getByLabel('Load settings (JSON)').setInputFiles({ name: 'run.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ tool: 'gradtape', settings: { epochs: 33, learningRate: 0.01, colour: 'red' } })) });
  await page.getByRole('alert').filter({ hasText: 'Loaded the settings of run.json, but not all' }).waitFor();
  assert.equal(await page.getByLabel('Epochs', { exact: true }).inputValue(), '33');
  assert.match(await page.evaluate(() => location.hash), /epochs=33/);
  assert.match(await page.getByRole('alert').textContent(), /colour/);
  assert.deepEqual(problems(log), []);
});
