// What a finished run relies on and gets wrong, through the wasm module: permutation importance
// computed in budgeted steps (a pure-noise column ranks last on heart.csv, and the same seed gives
// the same numbers), the misclassified rows with their original values, the largest residuals
// of a regression, their CSV, and clear errors for bad calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGradtape } from '../support/module.mjs';
import { requireHeartCsv, sharedDir } from '../support/paths.mjs';

const gradtape = await loadGradtape();

function trainToEnd(session) {
  while (!session.step({ budgetMs: 50 }).done) { /* the run's epochs */ }
}

// heart.csv with a column of uniform noise drawn from a fixed LCG, so the test is reproducible.
function heartWithNoise(text) {
  const lines = text.trim().split(/\r?\n/);
  let state = 12345;
  const noise = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32).toFixed(6);
  };
  return [`${lines[0]},Noise`, ...lines.slice(1).map((line) => `${line},${noise()}`)].join('\n');
}

function importanceOf(session, options = {}) {
  const { total } = session.startImportance(options);
  let steps = 0;
  for (;;) {
    const progress = session.stepImportance(2);
    steps += 1;
    assert.equal(progress.total, total);
    if (progress.done) break;
    assert.ok(progress.completed < total);
  }
  return { result: session.importance(), steps };
}

test('permutation importance on heart.csv: a noise column ranks last, the same seed gives the same numbers', { timeout: 120000 }, (t) => {
  const heart = requireHeartCsv(t);
  if (!heart) return;
  const text = heartWithNoise(readFileSync(heart, 'utf8'));
  const runs = [42, 42, 7].map((seed) => {
    const session = new gradtape.Session();
    session.loadCsv(text);
    session.configure({ epochs: 15, seed });
    assert.throws(() => session.stepImportance(5), /start the importance first/);
    trainToEnd(session);
    assert.equal(session.importance(), null, 'nothing before it is computed');
    const { result, steps } = importanceOf(session, { repeats: 4 });
    assert.ok(steps > 1, 'a 2 ms budget takes several steps');
    const last = session.history().at(-1);
    assert.equal(result.figure, 'val_loss');
    assert.equal(result.higherIsBetter, false);
    assert.ok(Math.abs(result.baseline - last.valLoss) < 1e-9, `the unshuffled figure ${result.baseline} is the last epoch's ${last.valLoss}`);
    assert.equal(result.columns.length, 12, 'every feature column, the noise too');
    for (const column of result.columns) assert.equal(column.drops.length, 4);
    assert.equal(result.columns.at(-1).name === 'Noise' || Math.abs(result.columns.find((c) => c.name === 'Noise').mean) < 0.01, true,
      `the noise column ranks last or near zero: ${JSON.stringify(result.columns.map((c) => [c.name, c.mean.toFixed(4)]))}`);
    const means = result.columns.map((c) => c.mean);
    assert.deepEqual(means, [...means].sort((a, b) => b - a), 'largest drop first');
    return result;
  });
  assert.deepEqual(runs[0], runs[1], 'the same seed, the same importance');
  // Another seed is another split and other weights: the first column stands well clear of the
  // rest on heart.csv (ST_Slope), and the next ones' spreads overlap, so only their set is stable.
  assert.equal(runs[0].columns[0].name, runs[2].columns[0].name, 'the top column agrees across seeds');
  const top = (r) => r.columns.slice(0, 5).map((c) => c.name);
  const shared = top(runs[0]).filter((name) => top(runs[2]).includes(name));
  assert.ok(shared.length >= 3, `the top five share at least three columns across seeds: ${top(runs[0])} / ${top(runs[2])}`);
});

test('the rows it gets wrong: misclassified validation rows with their values, and their CSV', { timeout: 60000 }, (t) => {
  const heart = requireHeartCsv(t);
  if (!heart) return;
  const session = new gradtape.Session();
  assert.throws(() => session.errorRows(), /train an epoch first/);
  session.loadCsv(readFileSync(heart, 'utf8'));
  session.configure({ epochs: 5 });
  trainToEnd(session);
  const list = session.errorRows();
  const matrix = session.evaluation().matrix;
  assert.equal(list.task, 'binary');
  assert.equal(list.total, matrix[0][1] + matrix[1][0], 'every misclassified row, as the confusion matrix counts them');
  assert.equal(list.shown, list.total);
  assert.equal(list.columns.length, 12);
  const target = list.columns.indexOf('HeartDisease');
  for (const row of list.rows) {
    assert.notEqual(row.truth, row.prediction);
    assert.equal(row.values[target], row.truth, 'the truth is the row\'s own target value');
    assert.ok(row.confidence >= 0.5 && row.confidence <= 1);
    assert.ok(row.row >= 2, 'a CSV line after the header');
  }
  assert.ok(list.rows.every((row, i) => i === 0 || row.confidence <= list.rows[i - 1].confidence), 'most confident first');
  const lines = readFileSync(heart, 'utf8').split(/\r?\n/);
  assert.equal(lines[list.rows[0].row - 1].split(',')[0], list.rows[0].values[0], 'the CSV line holds that row');
  assert.equal(session.errorRows({ limit: 3 }).rows.length, Math.min(3, list.total));
  assert.throws(() => session.errorRows({ limit: -1 }), /limit/);
  assert.throws(() => session.errorRows({ top: 3 }), /top/);
  const csv = session.errorRowsCsv().trim().split('\n');
  assert.equal(csv[0], `csv_line,${list.columns.join(',')},predicted_HeartDisease,confidence`);
  assert.equal(csv.length, list.total + 1);
  assert.ok(csv[1].startsWith(`${list.rows[0].row},`));
  assert.throws(() => session.startImportance({ repeats: 0 }), /repeats must be a whole number from 1 to 100/);
  assert.throws(() => session.startImportance({ shuffles: 2 }), /shuffles/);
  assert.throws(() => session.stepImportance(5), /start the importance first/);
  session.startImportance();
  assert.throws(() => session.stepImportance(-1), /budget/);
  session.reset();
  assert.throws(() => session.stepImportance(5), /start the importance first/, 'a reset drops it');
});

test('a regression lists every validation row, largest residual first', { timeout: 60000 }, () => {
  const session = new gradtape.Session();
  session.loadCsv(readFileSync(join(sharedDir, 'data/diabetes_progression.csv'), 'utf8'));
  const plan = session.configure({ epochs: 5 });
  trainToEnd(session);
  const list = session.errorRows({ limit: 10 });
  assert.equal(list.task, 'regression');
  assert.equal(list.total, plan.valRows);
  assert.equal(list.rows.length, 10);
  for (const row of list.rows) assert.ok(Math.abs(row.residual - (row.prediction - row.truth)) < 1e-9);
  assert.ok(list.rows.every((row, i) => i === 0 || Math.abs(row.residual) <= Math.abs(list.rows[i - 1].residual)));
  const mae = session.evaluation().mae;
  assert.ok(Math.abs(list.rows[0].residual) >= mae, 'the largest residual is at least the MAE');
  const { result } = importanceOf(session, { repeats: 2 });
  assert.equal(result.figure, 'val_loss');
  assert.ok(result.columns.length >= 5);
});
