// The hostile-input corpus through the wasm module, as the page calls it: every case ends as
// tests/hostile/cases.json says (an exact read, or a clean Error naming the line, the limit or
// the setting), and every hostile call at the JavaScript boundary is a thrown Error, never a
// silent no-op. The session stays usable throughout, and its heap stays flat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGradtape } from '../support/module.mjs';
import { camel, corpus, fileOf, settingsOf } from '../support/hostile.mjs';

const gradtape = await loadGradtape();

function errorOf(fn) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Error, `an Error, not ${typeof error}`);
    return error;
  }
  return null;
}

function expectOutcome(error, c, stage) {
  const expected = c[stage] ?? 'ok';
  if (expected === 'ok') {
    assert.equal(error, null, `${c.name}: ${stage} should succeed, got ${error && error.message}`);
    return;
  }
  assert.ok(error, `${c.name}: ${stage} should fail with "${expected}"`);
  assert.ok(error.message.includes(expected), `${c.name}: ${stage}: expected "${expected}", got "${error.message}"`);
  if (c.field) assert.equal(error.field, camel(c.field), `${c.name}: the field`);
}

test('every case of the corpus ends as it says', () => {
  const session = new gradtape.Session();
  assert.ok(corpus.cases.length >= 40);
  for (const c of corpus.cases) {
    let summary = null;
    const loadError = errorOf(() => { summary = session.loadCsv(fileOf(c)); });
    expectOutcome(loadError, c, 'load');
    if (loadError) continue;
    for (const [name, dtype] of Object.entries(c.dtypes || {})) {
      assert.equal(summary.columns.find((col) => col.name === name).dtype, dtype, `${c.name}: ${name}`);
    }
    for (const [name, count] of Object.entries(c.missing || {})) {
      assert.equal(summary.columns.find((col) => col.name === name).missing, count, `${c.name}: ${name} missing`);
    }
    if (!c.configure && !c.train && !c.settings) continue;
    const settings = { epochs: 2, ...settingsOf(c) };
    const configureError = errorOf(() => session.configure(settings));
    expectOutcome(configureError, c, 'configure');
    if (configureError) continue;
    let trainError = null;
    for (let progress = null; !(progress && progress.done) && !trainError;) {
      trainError = errorOf(() => { progress = session.step({ maxBatches: 1 }); });
    }
    expectOutcome(trainError, c, 'train');
    assert.ok(session.history().every((log) => Number.isFinite(log.trainLoss)), `${c.name}: the history is finite`);
  }
  session.delete();
});

const CSV = 'a,b,y\n1,2,0\n2,3,1\n3,1,0\n4,4,1\n5,2,0\n6,5,1\n7,3,0\n8,6,1\n9,1,0\n10,7,1\n';

test('hostile calls at the JavaScript boundary are thrown Errors, never silent no-ops', () => {
  const session = new gradtape.Session();
  const calls = [
    [() => session.loadCsv(42), /text or as bytes/],
    [() => session.loadCsv(null), /text or as bytes/],
    [() => session.loadCsv('a,b\nx\uD800y,1\n'), /lone UTF-16 surrogate/],
    [() => session.loadCsv(CSV, { delimiter: '\0' }), /delimiter/],
    [() => session.loadCsv(CSV, { delimiter: ',;' }), /delimiter/],
    [() => session.loadCsv(CSV, { delimiter: 7 }), /delimiter/],
    [() => session.loadCsv(CSV, { separator: ';' }), /no option 'separator'/],
    [() => session.loadCsv(CSV, 'x'), /options as an object/],
    [() => session.configure({}), /load a CSV file first/],
    [() => session.step({}), /configure a run first/],
    [() => session.predict('a\n1\n'), /configure and train/],
  ];
  for (const [call, pattern] of calls) {
    const error = errorOf(call);
    assert.ok(error, `${call} should throw`);
    assert.match(error.message, pattern);
  }
  session.loadCsv(CSV);
  const bad = [
    [{ epochs: Infinity }, 'epochs'], [{ epochs: NaN }, 'epochs'], [{ epochs: '60x' }, 'epochs'],
    [{ learningRate: -Infinity }, 'learningRate'], [{ hidden: [64, 1e300] }, 'hidden'], [{ hidden: [64, NaN] }, 'hidden'],
    [{ hidden: { length: 3 } }, 'hidden'], [{ target: 5 }, 'target'], [{ target: 'y\uDC00' }, 'target'],
    [{ exclude: 'zzz', batchSize: 2 }, 'exclude'], [{ exclude: [1] }, 'exclude'], [{ stratify: 'yes' }, 'stratify'],
    [{ seed: 2 ** 32 }, 'seed'], [{ seed: -0.5 }, 'seed'], [{ epochz: 3 }, 'epochz'],
  ];
  for (const [settings, field] of bad) {
    const error = errorOf(() => session.configure(settings));
    assert.ok(error, `${JSON.stringify(settings)} should throw`);
    assert.equal(error.field, field, `${JSON.stringify(settings)}: ${error.message}`);
  }
  assert.ok(errorOf(() => session.configure([1, 2])), 'settings as an array');
  session.configure({ epochs: 3, batchSize: 2 });
  for (const limits of [{ maxBatches: Infinity }, { maxBatches: 1e300 }, { maxBatches: 0 }, { maxBatches: 1.5 },
    { maxBatches: '3' }, { budgetMs: NaN }, { budgetMs: -1 }, { budgetMs: Infinity }, { batches: 3 }, 'x', 7]) {
    const error = errorOf(() => session.step(limits));
    assert.ok(error, `step(${JSON.stringify(limits)}) should throw`);
  }
  // A very large but finite batch count is not a silent no-op: it runs the epoch.
  const progress = session.step({ maxBatches: 2 ** 32 });
  assert.equal(progress.epochEnded, true, 'maxBatches 2^32 ran the first epoch');
  assert.equal(session.history().length, 1);
  assert.ok(errorOf(() => session.predict(5)), 'predict of a number');
  assert.ok(errorOf(() => session.predict('a,b\n\uD800,1\n')), 'predict of ill-formed text');
  session.delete();
});

test('the heap stays flat over fifty load, train and reset cycles', () => {
  const session = new gradtape.Session();
  const heap = () => gradtape.HEAPU8.length;
  let before = 0;
  for (let i = 0; i < 50; i += 1) {
    session.loadCsv(CSV);
    session.configure({ epochs: 2, batchSize: 4, seed: i });
    for (let p = null; !(p && p.done);) p = session.step({});
    session.reset();
    if (i === 9) before = heap();
  }
  assert.equal(heap(), before, 'no growth after the first ten cycles');
  session.delete();
});
