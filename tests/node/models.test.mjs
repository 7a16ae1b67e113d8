// Models that travel, through the wasm module in node: a run's model saved and loaded into a
// fresh session predicts the same; the native CLI's `gradtape predict` agrees with it; real
// TensorFlow.js loads the Layers export and, given the input built from the export's own
// preprocessing metadata, predicts what gradtape does within 1e-5; a damaged model file is
// refused with its reason and the model in place stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { loadGradtape } from '../support/module.mjs';
import { nativeCli, sharedDir } from '../support/paths.mjs';

const gradtape = await loadGradtape();
await tf.setBackend('cpu');

const tables = {
  species: { file: 'penguins.csv', settings: { target: 'species', missing: 'impute' } },
  sex: { file: 'penguins.csv', settings: { target: 'sex', missing: 'impute', encoding: 'onehot' } },
  progression: { file: 'diabetes_progression.csv', settings: { target: 'progression' } },
};
const text = (file) => readFileSync(join(sharedDir, 'data', file), 'utf8');

/** A session trained 4 epochs on `name`'s table, with its model taken from the run. */
function trained(name) {
  const { file, settings } = tables[name];
  const session = new gradtape.Session();
  session.loadCsv(text(file));
  session.configure({ ...settings, epochs: 4 });
  while (!session.step({ budgetMs: 50 }).done);
  const info = session.modelFromRun({ file, bytes: 10, sha256: 'abc' });
  return { session, info };
}

test('a saved model loaded into a fresh session predicts exactly as the run did', () => {
  for (const name of Object.keys(tables)) {
    const { session, info } = trained(name);
    const expected = session.predictCsv(text(tables[name].file));
    const fresh = new gradtape.Session();
    assert.equal(fresh.modelInfo(), null);
    const loaded = fresh.loadModel(session.modelFile());
    assert.deepEqual(loaded, info, name);
    assert.equal(loaded.origin.file, tables[name].file);
    const got = fresh.predictCsv(text(tables[name].file));
    assert.deepEqual(got.rows, expected.rows, name);
    assert.equal(got.csv, expected.csv, name);
    assert.equal(got.failed, 0, name);
    session.delete();
    fresh.delete();
  }
});

test('the native gradtape predict scores a model file of the page as the page does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradtape-model-'));
  for (const name of Object.keys(tables)) {
    const { session } = trained(name);
    const modelPath = join(dir, `${name}.json`);
    writeFileSync(modelPath, session.modelFile());
    const page = session.predictCsv(text(tables[name].file));
    const cli = execFileSync(nativeCli, ['predict', modelPath, join(sharedDir, 'data', tables[name].file)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const cliLines = cli.trim().split('\n');
    const pageLines = page.csv.trim().split('\n');
    assert.equal(cliLines.length, pageLines.length);
    assert.equal(cliLines[0], pageLines[0]);
    const added = page.columns.length;
    for (let i = 1; i < cliLines.length; ++i) {
      const a = cliLines[i].split(',').slice(-added);
      const b = pageLines[i].split(',').slice(-added);
      a.forEach((cell, k) => {
        const x = Number(cell), y = Number(b[k]);
        if (cell !== '' && Number.isFinite(x)) assert.ok(Math.abs(x - y) <= 1e-5 * Math.max(1, Math.abs(y)), `${name} line ${i}: ${cell} vs ${b[k]}`);
        else assert.equal(cell, b[k]);
      });
    }
    session.delete();
  }
});

// pandas' default missing-value markers, which gradtape's reader also takes as missing.
const missingMarkers = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan',
  '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null']);

/** The model's input for one parsed CSV row, built only from the export's metadata. */
function inputOf(row, preprocessing) {
  const encoded = [];
  for (const column of preprocessing.columns) {
    let value = row[column.name];
    if (value === undefined || missingMarkers.has(value)) value = column.fill;
    if (column.kind === 'numeric') encoded.push(Number(value));
    else if (column.kind === 'codes') encoded.push(column.categories.indexOf(value));
    else column.categories.forEach((c) => encoded.push(c === value ? 1 : 0));
  }
  const { mean, std } = preprocessing.scaler;
  return preprocessing.kept.map((j, i) => (encoded[j] - mean[i]) / std[i]);
}

function parseCsv(csv) {
  const [header, ...lines] = csv.trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

/** An IOHandler that reads the export as tf.loadLayersModel reads model.json and its .bin. */
function filesHandler(modelJson, weights) {
  return {
    load: async () => {
      const json = JSON.parse(modelJson);
      return {
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
        format: json.format, generatedBy: json.generatedBy, userDefinedMetadata: json.userDefinedMetadata,
      };
    },
  };
}

test('TensorFlow.js loads the Layers export and predicts as gradtape does, within 1e-5', async () => {
  for (const name of Object.keys(tables)) {
    const { session, info } = trained(name);
    const exported = session.tfjsExport();
    assert.ok(exported.weights instanceof Uint8Array);
    const model = await tfl.loadLayersModel(filesHandler(exported.modelJson, exported.weights));
    const meta = JSON.parse(exported.modelJson).userDefinedMetadata.gradtape;
    assert.equal(meta.task, info.task);
    const csv = text(tables[name].file);
    const scored = session.predictCsv(csv);
    const rows = parseCsv(csv);
    const x = rows.map((row) => inputOf(row, meta.preprocessing));
    const output = /** @type {tf.Tensor} */ (model.predict(tf.tensor2d(x))).arraySync();
    let worst = 0;
    rows.forEach((_, i) => {
      const ours = scored.rows[i];
      if (info.task === 'regression') {
        worst = Math.max(worst, Math.abs(output[i][0] - (ours.value - meta.target.mean) / meta.target.std));
      } else {
        const theirs = info.task === 'binary' ? [1 - output[i][0], output[i][0]] : output[i];
        theirs.forEach((p, k) => { worst = Math.max(worst, Math.abs(p - ours.probabilities[k])); });
      }
    });
    assert.ok(worst <= 1e-5, `${name}: largest difference ${worst}`);
    console.log(`# ${name}: TensorFlow.js against gradtape, largest difference ${worst.toExponential(2)}`);
    model.dispose();
    session.delete();
  }
});

test('rows that cannot be scored carry their reason and the batch goes on', () => {
  const { session } = trained('species');
  const header = 'island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year';
  const result = session.predictCsv(`${header}\nBiscoe,45.1,14.5,215,5000,female,2008\nAtlantis,45,14,215,5000,female,2008\nDream,,18,190,3700,male,2009\n`);
  assert.equal(result.scored, 2);
  assert.equal(result.failed, 1);
  assert.equal(result.rows[0].problem, '');
  assert.match(result.rows[1].problem, /Atlantis/);
  assert.equal(result.rows[2].problem, '', 'imputed under the impute policy');
  assert.deepEqual(result.columns, ['predicted_species', 'probability_Adelie', 'probability_Chinstrap', 'probability_Gentoo', 'prediction_problem']);
  assert.throws(() => session.predictCsv('island\nBiscoe\n'), /bill_length_mm/);
  session.delete();
});

test('a damaged model file is refused with its reason, and the model in place stays', () => {
  const { session } = trained('progression');
  const good = session.modelFile();
  const before = session.modelInfo();
  const doc = JSON.parse(good);
  const damaged = [
    ['', /not valid JSON/],
    [good.slice(0, good.length / 2), /not valid JSON/],
    ['{"format":"something else"}', /not a gradtape model/],
    [JSON.stringify({ ...doc, layers: [{ ...doc.layers[0], units: -1 }, ...doc.layers.slice(1)] }), /layers\[0\]\.units/],
    [JSON.stringify({ ...doc, layers: doc.layers.slice(0, 1) }), /last layer/],
  ];
  for (const [file, message] of damaged) {
    assert.throws(() => session.loadModel(file), message);
    assert.deepEqual(session.modelInfo(), before);
  }
  assert.throws(() => session.loadModel(42), /model file/);
  assert.throws(() => session.modelFromRun({ file: 'x', size: 3 }), /size/);
  assert.throws(() => new gradtape.Session().modelFile(), /train a run or load a model first/);
  session.delete();
});
