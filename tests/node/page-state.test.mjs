// The page's state functions (web/js/state.js) in node, without a browser: the run's life from
// loading a file to a finished run, the controls each state allows, and the progress figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../web/js/state.js', import.meta.url), 'utf8');
// A classic script of the page, run with a bare `window` in this realm (so arrays compare equal).
const window = {};
new Function('window', source)(window);
const S = window.gradtapeUI.state;

const summary = {
  rows: 10, columns: [],
  targetCandidates: [{ name: 'y', task: 'binary', usable: true, reason: null, labels: ['0', '1'], counts: [5, 5],
    refused: { binary: null, multiclass: null, regression: null } }],
};
const plan = { batchesPerEpoch: 4, trainRows: 8, valRows: 2 };

function readyWithData() {
  const state = S.createAppState();
  S.engineReady(state, '0.1.0');
  S.loadStarted(state, 'a.csv');
  S.dataLoaded(state, { name: 'a.csv', bytes: 100, summary });
  return state;
}

test('Train needs a ready engine, data with a target, and no run or load in progress', () => {
  const state = S.createAppState();
  assert.equal(S.controls(state).train, false, 'the engine is still loading');
  assert.equal(S.controls(state).loader, 'engine');
  S.engineReady(state, '0.1.0');
  assert.equal(S.controls(state).train, false, 'no data');
  S.loadStarted(state, 'a.csv');
  assert.equal(S.controls(state).loader, 'busy');
  S.dataLoaded(state, { name: 'a.csv', bytes: 100, summary });
  assert.equal(S.controls(state).train, true);
  assert.equal(S.controls(state).loader, 'idle');
  S.runStarting(state);
  assert.equal(S.controls(state).train, false, 'starting');
  S.runNotStarted(state);
  assert.equal(S.controls(state).train, true);
  S.loadStarted(state, 'b.csv');
  S.loadFailed(state);
  assert.equal(state.data.name, 'a.csv', 'a failed load keeps the data');
});

test('a run goes running, paused, running, done, and its clock stops while paused', () => {
  const state = readyWithData();
  const run = S.runStarted(state, { settings: { epochs: 2 }, plan, dataName: 'a.csv', now: 1000 });
  assert.equal(S.runActive(state), true);
  let can = S.controls(state);
  assert.deepEqual([can.train, can.pause, can.stop, can.settingsLocked, can.loader], [false, true, true, true, 'locked']);
  S.setRunStatus(run, 'paused', 1500);
  assert.equal(S.activeMs(run, 9000), 500, 'paused time does not count');
  assert.equal(S.controls(state).pauseLabel, 'Resume');
  S.setRunStatus(run, 'running', 2000);
  assert.equal(S.activeMs(run, 2250), 750);
  S.setRunStatus(run, 'done', 2500);
  assert.equal(run.finishedAt, 2500);
  assert.equal(S.runActive(state), false);
  can = S.controls(state);
  assert.deepEqual([can.train, can.pause, can.reset, can.downloadSettings], [true, false, true, true]);
  S.setRunStatus(run, 'failed', 2600, 'boom');
  assert.equal(run.error, 'boom');
});

test('epoch logs are kept once, and handed to the views once', () => {
  const state = readyWithData();
  const run = S.runStarted(state, { settings: { epochs: 3 }, plan, dataName: 'a.csv', now: 0 });
  const progress = { epoch: 1, epochs: 3, batch: 4, batchesPerEpoch: 4, phase: 'train', done: false, samplesSeen: 8, epochEnded: true };
  const evaluation = { epoch: 1, confusion: { tn: 1, fp: 0, fn: 0, tp: 1 } };
  S.stepped(run, progress, [{ epoch: 1, trainLoss: 0.5 }], evaluation);
  S.stepped(run, { ...progress, epochEnded: false }, [], null);
  assert.equal(run.logs.length, 1);
  assert.equal(run.evaluation, evaluation, 'a step without an ended epoch keeps the last evaluation');
  assert.equal(S.controls(state).downloadHistory, true);
  assert.deepEqual(S.takeUndrawn(run).map((log) => log.epoch), [1]);
  assert.deepEqual(S.takeUndrawn(run), [], 'handed over once');
  S.queueDrawing(run, ['loss', 'rest'], run.logs);
  assert.equal(S.nextDrawing(run).piece, 'loss');
  assert.equal(S.nextDrawing(run).piece, 'rest');
  assert.equal(S.nextDrawing(run), undefined);
  S.runReset(state);
  assert.equal(state.run, null);
  assert.equal(S.controls(state).reset, false);
});

test('the progress figures: the share of batches done, the speed and the time left', () => {
  const state = readyWithData();
  const run = S.runStarted(state, { settings: { epochs: 2 }, plan, dataName: 'a.csv', now: 0 });
  let figures = S.progressFigures(run, 0);
  assert.deepEqual([figures.fraction, figures.epoch, figures.batch, figures.batches, figures.etaMs], [0, 1, 0, 4, null]);
  run.progress = { epoch: 2, epochs: 2, batch: 2, batchesPerEpoch: 4, phase: 'train', done: false, samplesSeen: 12, epochEnded: false };
  figures = S.progressFigures(run, 3000);
  assert.equal(figures.fraction, 6 / 8);
  assert.equal(figures.samplesPerSecond, 4);
  assert.equal(figures.etaMs, 1000);
  run.progress = { ...run.progress, phase: 'validate' };
  assert.equal(S.progressFigures(run, 3000).validating, true);
  run.progress = { ...run.progress, done: true, epochEnded: true };
  assert.deepEqual([S.progressFigures(run, 4000).fraction, S.progressFigures(run, 4000).etaMs], [1, 0]);
});

test('a table whose every column is refused for every task has no target', () => {
  const refused = { binary: 'constant', multiclass: 'constant', regression: 'constant' };
  assert.equal(S.hasTarget({ targetCandidates: [{ name: 'x', refused }] }), false);
  assert.equal(S.hasTarget(summary), true);
  const state = S.createAppState();
  S.engineReady(state, '0.1.0');
  S.dataLoaded(state, { name: 'c.csv', bytes: 1, summary: { ...summary, targetCandidates: [{ name: 'x', refused }] } });
  assert.equal(S.controls(state).train, false);
});

test('the figure of the task in words', () => {
  const run = { plan: { metric: { label: 'Accuracy', val: 'valAccuracy', kind: 'fraction' } } };
  assert.equal(S.metricText(run, { valAccuracy: 0.875 }), 'val accuracy 0.8750');
  const regression = { plan: { metric: { label: 'MAE', val: 'valMae', kind: 'units' } } };
  assert.equal(S.metricText(regression, { valMae: 44.21349 }), 'val MAE 44.21');
});

test('a new file ends the last run', () => {
  const state = readyWithData();
  S.runStarted(state, { settings: { epochs: 2 }, plan, dataName: 'a.csv', now: 0 });
  S.dataLoaded(state, { name: 'b.csv', bytes: 5, summary });
  assert.equal(state.run, null);
  assert.equal(state.data.name, 'b.csv');
});
