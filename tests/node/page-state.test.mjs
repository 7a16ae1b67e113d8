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
  assert.deepEqual([figures.fraction, figures.epoch, figures.batch, figures.batches, figures.etaMs], [0, 1, null, 4, null]);
  run.progress = { epoch: 2, epochs: 2, batch: 2, batchesPerEpoch: 4, phase: 'train', done: false, samplesSeen: 12, epochEnded: false };
  figures = S.progressFigures(run, 3000);
  assert.equal(figures.fraction, 6 / 8);
  assert.equal(figures.samplesPerSecond, 4);
  assert.equal(figures.etaMs, 1000);
  run.progress = { ...run.progress, phase: 'validate' };
  assert.equal(S.progressFigures(run, 3000).validating, true);
  run.progress = { ...run.progress, done: true, epochEnded: true, batch: 0 };
  assert.deepEqual([S.progressFigures(run, 4000).fraction, S.progressFigures(run, 4000).etaMs], [1, 0]);
  assert.equal(S.progressFigures(run, 4000).batch, 4, 'a finished epoch shows all its batches, not 0/4');
  run.progress = { ...run.progress, done: false, epochEnded: false, epoch: 2, batch: 0 };
  assert.deepEqual([S.progressFigures(run, 4000).epoch, S.progressFigures(run, 4000).batch], [1, 4], 'no batch done: the end of epoch 1');
  S.setRunStatus(run, 'done', 4000);
  assert.equal(S.progressFigures(run, 5000).etaMs, null, 'no time left once the run is over');
});

test('after Stop or an error, no time left and no validating', () => {
  const state = readyWithData();
  const run = S.runStarted(state, { settings: { epochs: 4 }, plan, dataName: 'a.csv', now: 0 });
  run.progress = { epoch: 2, epochs: 4, batch: 3, batchesPerEpoch: 4, phase: 'validate', done: false, samplesSeen: 20, epochEnded: false };
  assert.ok(S.progressFigures(run, 1000).etaMs > 0);
  for (const status of ['stopped', 'failed']) {
    S.setRunStatus(run, status, 1000);
    const figures = S.progressFigures(run, 2000);
    assert.equal(figures.etaMs, null, status);
    assert.equal(figures.validating, false, status);
  }
});

test('the next step says "Press Train" only when Train can be pressed', () => {
  const state = S.createAppState();
  assert.doesNotMatch(S.nextStep(state), /Train/);
  S.engineReady(state, '0.1.0');
  assert.equal(S.nextStep(state), 'Load a CSV file to begin.');
  S.dataLoaded(state, { name: 'a.csv', bytes: 100, summary });
  assert.equal(S.nextStep(state), 'Press Train to start.');
  assert.equal(S.nextStep(state, ' again'), 'Press Train to start again.');
  S.runStarted(state, { settings: { epochs: 2 }, plan, dataName: 'a.csv', now: 0 });
  assert.doesNotMatch(S.nextStep(state), /Press Train/);
  const refused = { binary: 'constant', multiclass: 'constant', regression: 'constant' };
  S.dataLoaded(state, { name: 'c.csv', bytes: 1, summary: { ...summary, targetCandidates: [{ name: 'x', refused }] } });
  assert.equal(S.controls(state).train, false);
  assert.doesNotMatch(S.nextStep(state), /Press Train/);
});

test('the rows a run would lose, from the missing patterns', () => {
  const table = {
    rows: 100, columns: [{ name: 'a' }, { name: 'b' }, { name: 'y' }],
    missingPatterns: [{ columns: [0], rows: 20 }, { columns: [1], rows: 5 }, { columns: [0, 2], rows: 3 }],
    missingPatternsComplete: true,
  };
  assert.deepEqual(S.rowsLost(table, 'y', [], 'drop'), { rows: 100, withoutTarget: 3, withMissing: 25, dropped: 28, share: 0.28 });
  assert.equal(S.rowsLost(table, 'y', [], 'impute').dropped, 3, 'imputing keeps the rows with a target');
  assert.equal(S.rowsLost(table, 'y', ['a'], 'drop').withMissing, 5, 'a column left out loses no rows');
  assert.equal(S.rowsLost(table, 'a', [], 'drop').withoutTarget, 23);
  assert.equal(S.rowsLost({ ...table, missingPatternsComplete: false }, 'y', [], 'drop'), null);
});

test('the live status is announced at most every 1.5 s during a run', () => {
  const state = readyWithData();
  S.runStarted(state, { settings: { epochs: 60 }, plan, dataName: 'a.csv', now: 1000 });
  const announced = [1100, 1500, 2400, 2600, 3000, 4200].filter((now) => S.shouldAnnounceEpoch(state, now));
  assert.deepEqual(announced, [2600, 4200]);
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

test('earlier runs: kept newest first once they complete an epoch, at most KEPT_RUNS, labelled by what differs', () => {
  const state = readyWithData();
  const table = [{ key: 'epochs', label: 'Epochs' }, { key: 'learning_rate', label: 'Learning rate' }, { key: 'hidden', label: 'Hidden layers' }];
  const start = (settings) => S.runStarted(state, { settings: { epochs: 5, learning_rate: 0.001, hidden: [64, 64], ...settings }, plan, dataName: 'a.csv', now: 0 });
  const epoch = (run) => S.stepped(run, { epochEnded: true }, [{ epoch: run.logs.length + 1, valLoss: 0.5 }], null);
  const first = start({});
  start({}); // the first run completed no epoch: it is not kept
  assert.deepEqual(state.pastRuns, []);
  epoch(state.run);
  const second = state.run;
  const third = start({ learning_rate: 0.01, hidden: [32] });
  assert.deepEqual(state.pastRuns.map((p) => p.run.number), [second.number]);
  assert.equal(second.number, first.number + 1, 'runs are numbered as they start');
  assert.equal(S.runDifferences(second, third, table), 'Learning rate 0.001, Hidden layers 64,64');
  assert.equal(S.runDifferences(third, third, table), 'same settings');
  assert.equal(S.runDifferences({ ...second, dataName: 'b.csv' }, third, table), 'b.csv, Learning rate 0.001, Hidden layers 64,64');
  for (let i = 0; i < S.KEPT_RUNS + 3; i += 1) {
    epoch(state.run);
    start({ epochs: 6 + i });
  }
  assert.equal(state.pastRuns.length, S.KEPT_RUNS, 'only the newest are kept');
  assert.ok(state.pastRuns.every((p, i) => i === 0 || p.run.number < state.pastRuns[i - 1].run.number), 'newest first');
  const shown = state.pastRuns[1].run.number;
  S.showPastRun(state, shown, false);
  assert.equal(state.pastRuns[1].shown, false);
  S.clearPastRuns(state, shown);
  assert.equal(state.pastRuns.length, S.KEPT_RUNS - 1);
  assert.ok(!state.pastRuns.some((p) => p.run.number === shown));
  epoch(state.run);
  S.runReset(state);
  assert.equal(state.pastRuns.length, S.KEPT_RUNS, 'a reset keeps the run it discards among the earlier ones');
  S.clearPastRuns(state);
  assert.deepEqual(state.pastRuns, []);
});
