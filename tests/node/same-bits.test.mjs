// Same seed, same numbers: the wasm module and the native CLI train the same runs to the same
// per-epoch history, to the bit (every figure but the time), on the three reference data sets
// (binary, multi-class, regression), with each optimizer, the relu, tanh and sigmoid hidden
// layers, imputed and one-hot data, class weights and several seeds. The native figures are
// read from `gradtape train --json`, whose numbers nlohmann/json writes with 17 significant
// digits, so JSON.parse gives back the exact doubles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadGradtape } from '../support/module.mjs';
import { nativeCli, requireHeartCsv, sharedDir } from '../support/paths.mjs';

const gradtape = await loadGradtape();

const heart = (t) => requireHeartCsv(t);
const penguins = () => join(sharedDir, 'data/penguins.csv');
const diabetes = () => join(sharedDir, 'data/diabetes_progression.csv');

// Each run's settings, as the page names them; the CLI takes the same as --kebab-case options.
const runs = [
  { data: heart, settings: { epochs: 60 } },  // the tutorial's run (rmsprop, relu, seed 42)
  { data: heart, settings: { epochs: 15, optimizer: 'adam', seed: 7, activation: 'tanh' } },
  { data: heart, settings: { epochs: 10, optimizer: 'sgd', momentum: 0.9, seed: 1, activation: 'sigmoid' } },
  { data: penguins, settings: { target: 'species', epochs: 30 } },
  { data: penguins, settings: { target: 'species', epochs: 30, optimizer: 'adam', seed: 3, activation: 'tanh' } },
  { data: penguins, settings: { target: 'species', epochs: 10, missing: 'impute', encoding: 'onehot', classWeight: 'balanced', seed: 9 } },
  { data: diabetes, settings: { target: 'progression', epochs: 30 } },
  { data: diabetes, settings: { target: 'progression', epochs: 30, optimizer: 'adam', seed: 5 } },
];

const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

function nativeHistory(path, settings) {
  const args = ['train', path, '--json'];
  for (const [name, value] of Object.entries(settings)) args.push(`--${kebab(name)}`, String(value));
  return execFileSync(nativeCli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .trim().split('\n').map((line) => JSON.parse(line));
}

function wasmHistory(path, settings) {
  const session = new gradtape.Session();
  try {
    session.loadCsv(readFileSync(path, 'utf8'));
    session.configure(settings);
    while (!session.step({ budgetMs: 50 }).done);
    return session.history();
  } finally {
    session.delete();
  }
}

// The IEEE 754 bits of a double, as hex: equal numbers print the same, and -0 differs from 0.
function bits(value) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

for (const { data, settings } of runs) {
  test(`native and wasm histories are bit-identical: ${JSON.stringify(settings)}`, (t) => {
    const path = data(t);
    if (!path) return;
    assert.ok(existsSync(path), `${path} is missing`);
    assert.ok(existsSync(nativeCli), `${nativeCli} is missing: build the native preset first`);
    const native = nativeHistory(path, settings);
    const wasm = wasmHistory(path, settings);
    assert.equal(native.length, settings.epochs);
    assert.equal(wasm.length, native.length);
    const fields = Object.keys(native[0]).filter((name) => name !== 'ms');
    assert.ok(fields.length >= 4, `the history has its figures: ${fields}`);
    for (let e = 0; e < native.length; ++e) {
      for (const name of fields) {
        const want = native[e][name];
        const got = wasm[e][camel(name)];
        assert.equal(typeof got, 'number', `epoch ${e + 1} ${name} is in the wasm history`);
        assert.equal(bits(got), bits(want), `epoch ${e + 1} ${name}: wasm ${got}, native ${want}`);
      }
    }
  });
}
