// The wasm module in node: load heart.csv, configure, train, and hold the numbers against the
// native CLI's for the same seed and against TensorFlow.js's trace (the seeded run draws exactly
// as the trace did).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadGradtape } from '../support/module.mjs';
import { nativeCli, referencePath, requireHeartCsv } from '../support/paths.mjs';

const gradtape = await loadGradtape();

function trainToEnd(session, limits = { budgetMs: 8 }) {
  let progress;
  do progress = session.step(limits); while (!progress.done);
  return session.history();
}

test('the module exposes a Session with the documented calls', () => {
  const session = new gradtape.Session();
  for (const name of ['loadCsv', 'configure', 'step', 'progress', 'history', 'evaluation',
    'settings', 'predict', 'reset', 'delete']) {
    assert.equal(typeof session[name], 'function', name);
  }
  assert.equal(session.progress(), null);
  assert.deepEqual(session.history(), []);
  session.delete();
});

test('loading heart.csv returns its summary', (t) => {
  const path = requireHeartCsv(t);
  if (!path) return;
  const session = new gradtape.Session();
  const summary = session.loadCsv(readFileSync(path, 'utf8'));
  assert.equal(summary.rows, 918);
  assert.equal(summary.columns.length, 12);
  const objects = summary.columns.filter((c) => c.dtype === 'object').map((c) => c.name);
  assert.deepEqual(objects, ['Sex', 'ChestPainType', 'RestingECG', 'ExerciseAngina', 'ST_Slope']);
  const age = summary.columns.find((c) => c.name === 'Age');
  assert.equal(age.dtype, 'int64');
  assert.ok(Math.abs(age.mean - 53.5109) < 1e-4);
  assert.equal(summary.suggestedTarget, 'HeartDisease');
  const target = summary.targetCandidates.find((c) => c.name === 'HeartDisease');
  assert.deepEqual(target.counts, [410, 508]);
  assert.equal(summary.head[0][0], '40');
  session.delete();
});

test('two epochs in wasm match the native CLI for the same seed', (t) => {
  const path = requireHeartCsv(t);
  if (!path) return;
  assert.ok(existsSync(nativeCli), `${nativeCli} is missing: build the native preset first`);
  const native = execFileSync(nativeCli, ['train', path, '--epochs', '2', '--seed', '7', '--json'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .trim().split('\n').map((line) => JSON.parse(line));
  const session = new gradtape.Session();
  session.loadCsv(readFileSync(path, 'utf8'));
  session.configure({ epochs: 2, seed: 7 });
  const wasm = trainToEnd(session);
  assert.equal(wasm.length, 2);
  for (let e = 0; e < 2; ++e) {
    // Native and wasm sum in different orders: float32 drift only.
    assert.ok(Math.abs(wasm[e].trainLoss - native[e].train_loss) < 1e-5, `epoch ${e + 1} train loss`);
    assert.ok(Math.abs(wasm[e].valLoss - native[e].val_loss) < 1e-5, `epoch ${e + 1} val loss`);
    assert.equal(wasm[e].trainAccuracy, native[e].train_accuracy);
    assert.equal(wasm[e].valAccuracy, native[e].val_accuracy);
    assert.ok(Math.abs(wasm[e].valAuc - native[e].val_auc) < 1e-3);
  }
  session.delete();
});

test('the seeded wasm run follows the 60-epoch TensorFlow.js trace', (t) => {
  const path = requireHeartCsv(t);
  if (!path) return;
  const tracePath = referencePath('heart_tfjs_trace.json');
  assert.ok(tracePath, 'shared/reference/heart_tfjs_trace.json is missing');
  const trace = JSON.parse(readFileSync(tracePath, 'utf8'));
  const session = new gradtape.Session();
  session.loadCsv(readFileSync(path, 'utf8'));
  session.configure({ seed: trace.meta.seed });
  const history = trainToEnd(session);
  assert.equal(history.length, trace.epochs.length);
  history.forEach((log, e) => {
    const expected = trace.epochs[e];
    // Tight while float32 rounding has not yet compounded, then drift (reference README).
    const tolerance = e < 12 ? 1e-5 : 5e-3;
    assert.ok(Math.abs(log.trainLoss - expected.train_loss) < tolerance, `epoch ${e + 1} train loss`);
    assert.ok(Math.abs(log.valLoss - expected.val_loss) < tolerance * 2, `epoch ${e + 1} val loss`);
    if (e < 12) assert.equal(Math.round(log.trainAccuracy * 734), expected.train_correct);
  });
  session.delete();
});

test('the same seed gives the same history, another seed another', () => {
  const csv = readFileSync(new URL('../../data/heart_synthetic.csv', import.meta.url), 'utf8');
  const run = (seed) => {
    const session = new gradtape.Session();
    session.loadCsv(csv);
    session.configure({ epochs: 3, seed });
    const history = trainToEnd(session, { maxBatches: 5 }).map(({ ms, ...figures }) => figures);
    session.delete();
    return history;
  };
  assert.deepEqual(run(11), run(11));
  assert.notDeepEqual(run(11), run(12));
});

test('step honours maxBatches and reports progress', () => {
  const csv = readFileSync(new URL('../../data/heart_synthetic.csv', import.meta.url), 'utf8');
  const session = new gradtape.Session();
  session.loadCsv(csv);
  const plan = session.configure({ epochs: 2, batchSize: 100 });
  assert.equal(plan.trainRows + plan.valRows, 918);
  assert.equal(plan.batchesPerEpoch, Math.ceil(plan.trainRows / 100));
  let progress = session.step({ maxBatches: 3 });
  assert.equal(progress.batch, 3);
  assert.equal(progress.samplesSeen, 300);
  assert.equal(progress.epochEnded, false);
  assert.equal(progress.log, null);
  do progress = session.step({ maxBatches: 1000 }); while (!progress.epochEnded);
  assert.equal(progress.log.epoch, 1);
  assert.equal(progress.epoch, 2);
  const { matrix, classes, task } = progress.evaluation;
  assert.equal(task, 'binary');
  assert.deepEqual(classes, ['0', '1']);
  assert.ok(matrix[0][0] + matrix[1][1] > 0, 'some rows classified right');
  assert.equal(matrix.flat().reduce((a, b) => a + b, 0), plan.valRows);
  assert.deepEqual(session.evaluation(), progress.evaluation, 'the evaluation of the epoch just ended');
  assert.equal(session.settings().batchSize, 100);
  session.delete();
});

test('repeated runs in one instance do not grow memory', () => {
  const csv = readFileSync(new URL('../../data/heart_synthetic.csv', import.meta.url), 'utf8');
  const session = new gradtape.Session();
  const runOnce = () => {
    session.loadCsv(csv);
    session.configure({ epochs: 3 });
    trainToEnd(session, {});
    session.reset();
  };
  runOnce();
  runOnce();
  const before = gradtape.HEAP8.length;
  for (let i = 0; i < 10; ++i) runOnce();
  assert.equal(gradtape.HEAP8.length, before);
  session.delete();
});
