// wasm/API.md against the built module: its generated tables (settings, epoch fields) are what
// the bindings export, and its example plan is what configure() returns for the default run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGradtape } from '../support/module.mjs';
import { apiPath, sectionsOf, withSections } from '../../wasm/tools/api-doc.mjs';

const gradtape = await loadGradtape();
const api = readFileSync(apiPath, 'utf8');

test('the generated tables of API.md are what the module exports', () => {
  assert.equal(api, withSections(api, sectionsOf(gradtape)),
    'API.md is stale: run node wasm/tools/api-doc.mjs build/wasm/dist/gradtape.js --write');
});

test('the example plan is the default run on the built-in sample', () => {
  const session = new gradtape.Session();
  session.loadCsv(readFileSync(new URL('../../data/heart_synthetic.csv', import.meta.url), 'utf8'));
  const plan = session.configure({});
  const example = api.match(/```js\n(\{ target: [\s\S]*?\})\n```/)[1];
  for (const key of ['trainRows', 'valRows', 'batchesPerEpoch', 'parameters']) {
    assert.match(example, new RegExp(`${key}: ${plan[key]}\\b`), `${key} is ${plan[key]}`);
  }
  assert.match(example, new RegExp(`target: "${plan.target}"`));
  assert.deepEqual(plan.notes, []);
  session.delete();
});

test('checkSettings names every bad key at once, in the words of the settings table', () => {
  const { settings, errors } = gradtape.checkSettings({ epochs: '0', learningRate: '0.01', optimizer: 'adagrad', epoch: 3 });
  assert.deepEqual(settings, { learningRate: 0.01 });
  assert.deepEqual(Object.keys(errors).sort(), ['epoch', 'epochs', 'optimizer']);
  assert.equal(errors.epochs, 'Epochs must be a whole number from 1 to 10,000, got 0');
  assert.match(errors.epoch, /unknown setting/);
});
