// Bad input reaches JS as an Error with the core's message (and the setting's field or the data
// column), and the instance keeps working afterwards, with the loaded data kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGradtape } from '../support/module.mjs';

const gradtape = await loadGradtape();
const sample = readFileSync(new URL('../../data/heart_synthetic.csv', import.meta.url), 'utf8');

function errorOf(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof Error, 'an Error object');
    return error;
  }
  assert.fail('expected an error');
}

test('a malformed CSV is an Error naming the line, and the loaded data stays', () => {
  const session = new gradtape.Session();
  session.loadCsv(sample);
  const cases = [
    ['a,b,y\n1,2,0\n3,4\n', /line 3/],
    ['a,b\n"unterminated,2\n', /line 2/],
    ['', /empty/i],
    ['a,b,c\n', /header|no data|rows/i],
    ['a,a,y\n1,2,0\n', /duplicate|a/i],
  ];
  for (const [text, pattern] of cases) {
    const error = errorOf(() => session.loadCsv(text));
    assert.match(error.message, pattern, JSON.stringify(text));
  }
  // Bytes that are not UTF-8 (a Latin-1 "é" on line 3) are named by line when UTF-8 is asked for.
  const latin1 = Uint8Array.from([...Buffer.from('name,y\nab,0\ncaf'), 0xe9, ...Buffer.from(',1\n')]);
  const utf8 = { textEncoding: 'utf-8' };
  assert.match(errorOf(() => session.loadCsv(latin1, utf8)).message, /line 3.*UTF-8|UTF-8.*line 3/);
  assert.match(errorOf(() => session.loadCsv(latin1.buffer, utf8)).message, /UTF-8/);
  assert.match(errorOf(() => session.loadCsv(42)).message, /text or as bytes/);
  const plan = session.configure({ epochs: 1 });
  assert.equal(plan.target, 'HeartDisease');
  session.delete();
});

test('invalid settings name their field', () => {
  const session = new gradtape.Session();
  session.loadCsv(sample);
  const cases = [
    [{ epochs: 0 }, 'epochs'], [{ epochs: 'ten' }, 'epochs'], [{ epochs: 1.5 }, 'epochs'],
    [{ batchSize: 0 }, 'batchSize'], [{ batchSize: 100000 }, 'batchSize'],
    [{ learningRate: -1 }, 'learningRate'], [{ learningRate: NaN }, 'learningRate'],
    [{ learningRate: Infinity }, 'learningRate'], [{ optimizer: 'adagrad' }, 'optimizer'],
    [{ hidden: '64,x' }, 'hidden'], [{ hidden: [64, 0] }, 'hidden'],
    [{ validationSplit: 1 }, 'validationSplit'], [{ validationSplit: 0 }, 'validationSplit'],
    [{ seed: -1 }, 'seed'], [{ target: 'Nope' }, 'target'], [{ target: 'Age', task: 'binary' }, 'task'],
    [{ target: 'Sex', task: 'regression' }, 'task'], [{ task: 'ordinal' }, 'task'], [{ epoch: 5 }, 'epoch'],
    [{ encoding: 'hash' }, 'encoding'], [{ missing: 'zero' }, 'missing'],
    [{ activation: 'gelu' }, 'activation'], [{ scalerDdof: 2 }, 'scalerDdof'],
  ];
  for (const [settings, field] of cases) {
    const error = errorOf(() => session.configure(settings));
    assert.equal(error.field, field, `${JSON.stringify(settings)}: ${error.message}`);
    assert.ok(error.message.length > 10);
  }
  assert.match(errorOf(() => session.configure({ target: 'Nope' })).message, /Nope/);
  assert.match(errorOf(() => session.configure({ batchSize: 100000 })).message, /training rows/);
  // Still usable.
  session.configure({ epochs: 1 });
  let progress;
  do progress = session.step({}); while (!progress.done);
  assert.equal(session.history().length, 1);
  session.delete();
});

test('calls out of order are Errors, not crashes', () => {
  const session = new gradtape.Session();
  assert.match(errorOf(() => session.configure({})).message, /load/i);
  assert.match(errorOf(() => session.step({})).message, /configure/i);
  assert.match(errorOf(() => session.predict('a\n1\n')).message, /configure|train/i);
  session.loadCsv(sample);
  session.configure({ epochs: 1 });
  session.reset();
  assert.match(errorOf(() => session.step({})).message, /configure/i);
  session.delete();
});

test('predict refuses rows it cannot prepare, naming the problem', () => {
  const session = new gradtape.Session();
  session.loadCsv(sample);
  session.configure({ epochs: 2 });
  let progress;
  do progress = session.step({}); while (!progress.done);
  const header = 'Age,Sex,ChestPainType,RestingBP,Cholesterol,FastingBS,RestingECG,MaxHR,ExerciseAngina,Oldpeak,ST_Slope';
  const good = session.predict(`${header}\n40,M,ATA,140,289,0,Normal,172,N,0,Up\n60,M,ASY,150,0,1,ST,100,Y,2.5,Flat\n`);
  assert.equal(good.probabilities.length, 2);
  assert.ok(good.probabilities.every((row) => row.length === 2 && Math.abs(row[0] + row[1] - 1) < 1e-6));
  assert.ok(good.labels.every((label) => label === '0' || label === '1'));
  const unseen = errorOf(() => session.predict(`${header}\n40,X,ATA,140,289,0,Normal,172,N,0,Up\n`));
  assert.match(unseen.message, /X/);
  assert.equal(unseen.column, 'Sex');
  assert.equal(unseen.field, undefined);
  assert.match(errorOf(() => session.predict('Age\n40\n')).message, /Sex|column/);
  session.delete();
});
