// Class weights through the wasm module: the same weights and the same history as the native
// CLI for the same seed, the plan naming the weights, and every mistake an Error on its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadGradtape } from '../support/module.mjs';
import { nativeCli, requireHeartCsv } from '../support/paths.mjs';

const gradtape = await loadGradtape();

function trainToEnd(session) {
  while (!session.step({ budgetMs: 8 }).done);
  return session.history();
}

test('balanced weights: the plan names them, and the run follows the native CLI', (t) => {
  const path = requireHeartCsv(t);
  if (!path) return;
  assert.ok(existsSync(nativeCli), `${nativeCli} is missing: build the native preset first`);
  const args = ['train', path, '--epochs', '3', '--class-weight', 'balanced', '--json'];
  const native = execFileSync(nativeCli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .trim().split('\n').map((line) => JSON.parse(line));
  const session = new gradtape.Session();
  session.loadCsv(readFileSync(path, 'utf8'));
  const plan = session.configure({ epochs: 3, classWeight: 'balanced' });
  assert.equal(plan.classWeights, '0: 1.102, 1: 0.9152');
  const wasm = trainToEnd(session);
  const plain = new gradtape.Session();
  plain.loadCsv(readFileSync(path, 'utf8'));
  assert.equal(plain.configure({ epochs: 3 }).classWeights, '');
  const unweighted = trainToEnd(plain);
  for (let e = 0; e < 3; ++e) {
    assert.ok(Math.abs(wasm[e].trainLoss - native[e].train_loss) < 1e-5, `epoch ${e + 1} train loss`);
    assert.ok(Math.abs(wasm[e].valLoss - native[e].val_loss) < 1e-5, `epoch ${e + 1} val loss`);
    assert.notEqual(wasm[e].trainLoss, unweighted[e].trainLoss, 'the weights change the train loss');
  }
  assert.deepEqual(session.settings().classWeight, 'balanced');
  session.delete();
  plain.delete();
});

test('bad weights are errors on their field, before and at configure', (t) => {
  const path = requireHeartCsv(t);
  if (!path) return;
  const { errors } = gradtape.checkSettings({ classWeight: 'heavy', classWeights: '0:1,1:-3' });
  assert.match(errors.classWeight, /^Class weighting must be one of none, balanced or manual/);
  assert.match(errors.classWeights, /^Class weights: item 2 \('1:-3'\): the weight must be a number above 0/);
  const session = new gradtape.Session();
  session.loadCsv(readFileSync(path, 'utf8'));
  assert.throws(() => session.configure({ classWeight: 'manual', classWeights: 'yes:2' }),
    (error) => error.field === 'classWeights' && /'yes' is not a class of HeartDisease/.test(error.message));
  assert.throws(() => session.configure({ classWeights: '1:2' }),
    (error) => error.field === 'classWeights' && /Class weighting is none/.test(error.message));
  assert.throws(() => session.configure({ target: 'Cholesterol', classWeight: 'balanced' }),
    (error) => error.field === 'classWeight' && /regression target/.test(error.message));
  // The loaded data survives every refusal.
  assert.equal(session.configure({ epochs: 1, classWeight: 'manual', classWeights: '1:2' }).classWeights, '0: 1, 1: 2');
  session.delete();
});
