// loadCsvAsync and configureAsync: the same answers as loadCsv and configure, given in slices
// that hand the event loop back (Asyncify pauses, wasm/errors.js); what may and may not be
// called while one is under way; and errors as rejections that leave the session usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { loadGradtape } from '../support/module.mjs';
import { heartShapedCsv } from '../support/heart-shaped.mjs';

const gradtape = await loadGradtape();
// Large enough that reading and preparing it take many 8 ms slices on any machine.
const bytes = new TextEncoder().encode(heartShapedCsv(150000));

// Counts the event loop's turns while `promise` is pending.
async function turnsWhile(promise) {
  let turns = 0;
  const timer = setInterval(() => { turns += 1; }, 0);
  try {
    return { value: await promise, turns };
  } finally {
    clearInterval(timer);
  }
}

// The run's history without its timings.
function trainToEnd(session) {
  while (!session.step({}).done);
  return session.history().map(({ ms, ...figures }) => figures);
}

test('loadCsvAsync and configureAsync give what loadCsv and configure give, between turns of the event loop', async () => {
  const whole = new gradtape.Session();
  const summary = whole.loadCsv(bytes);
  const plan = whole.configure({ epochs: 2, batchSize: 256, target: 'HeartDisease' });
  const sliced = new gradtape.Session();
  const loading = sliced.loadCsvAsync(bytes);
  assert.ok(loading instanceof Promise);
  const loaded = await turnsWhile(loading);
  assert.ok(loaded.turns > 0, 'the event loop never ran while the file was read');
  assert.deepEqual(loaded.value, summary);
  assert.equal(summary.sha256, createHash('sha256').update(bytes).digest('hex'));
  const configured = await turnsWhile(sliced.configureAsync({ epochs: 2, batchSize: 256, target: 'HeartDisease' }));
  assert.ok(configured.turns > 0, 'the event loop never ran while the run was configured');
  assert.deepEqual(configured.value, plan);
  assert.deepEqual(trainToEnd(sliced), trainToEnd(whole));
  const errors = await turnsWhile(sliced.errorRowsAsync({ limit: 50 }));
  assert.deepEqual(errors.value, whole.errorRows({ limit: 50 }));
  assert.ok(errors.value.rows.length > 0);
  whole.delete();
  sliced.delete();
});

test('a small file is read within one slice, and still gives a promise', async () => {
  const session = new gradtape.Session();
  const loading = session.loadCsvAsync('a,b\n1,0\n2,1\n3,0\n4,1\n');
  assert.ok(loading instanceof Promise);
  const summary = await loading;
  assert.equal(summary.rows, 4);
  assert.equal(summary.sha256, createHash('sha256').update('a,b\n1,0\n2,1\n3,0\n4,1\n').digest('hex'));
  session.delete();
});

test('while a sliced call is under way, its session refuses calls and other work goes on', async () => {
  const session = new gradtape.Session();
  const loading = session.loadCsvAsync(bytes);
  assert.throws(() => session.progress(), /busy with loadCsvAsync/);
  assert.throws(() => session.delete(), /busy with loadCsvAsync/);
  await assert.rejects(session.configureAsync({}), /busy with loadCsvAsync/);
  const other = new gradtape.Session();
  await assert.rejects(other.loadCsvAsync('a,b\n1,0\n'), /busy with loadCsvAsync/);
  // Between two slices: plain calls on another session and the module's functions answer at
  // once, with values rather than promises.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const checked = gradtape.checkSettings({ epochs: 0 });
  assert.ok(!(checked instanceof Promise));
  assert.ok(checked.errors && checked.errors.epochs, JSON.stringify(checked));
  const early = new gradtape.Session();
  assert.ok(!(early instanceof Promise));
  const small = early.loadCsv('x,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n');
  assert.equal(small.rows, 6);
  assert.equal(early.configure({ epochs: 1, batchSize: 2, target: 'y' }).trainRows, 4);
  assert.equal(trainToEnd(early).length, 1);
  const summary = await loading;
  assert.equal(summary.rows, 150000);
  assert.equal(session.progress(), null);
  early.delete();
  other.delete();
  session.delete();
});

test('errors reject, name their line or field, and leave the session as it was', async () => {
  const session = new gradtape.Session();
  await session.loadCsvAsync(bytes);
  const ragged = new TextEncoder().encode(`${heartShapedCsv(60000)}1,2\n`);
  await assert.rejects(session.loadCsvAsync(ragged), (error) => {
    assert.match(error.message, /^line 60002: expected 12 fields as in the header, got 2/);
    return true;
  });
  await assert.rejects(session.configureAsync({ target: 'Nope' }), (error) => {
    assert.equal(error.field, 'target');
    return true;
  });
  const plan = await session.configureAsync({ epochs: 1, target: 'HeartDisease' });
  assert.equal(plan.trainRows + plan.valRows, 150000);
  session.delete();
});
