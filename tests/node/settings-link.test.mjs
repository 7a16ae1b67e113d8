// The settings link (web/js/settings-link.js) in node: a hash holds exactly the settings that
// differ from the defaults (and the target) and reads back to them; a settings JSON downloaded by
// the page and a model file's settings load back; anything else is refused with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGradtape } from '../support/module.mjs';

const window = {};
new Function('window', readFileSync(new URL('../../web/js/settings-link.js', import.meta.url), 'utf8'))(window);
const link = window.gradtapeUI.settingsLink;
const gradtape = await loadGradtape();
const table = gradtape.settingsSchema();
const defaults = Object.fromEntries(table.map((row) => [row.key, row.default]));

test('the hash holds the changed settings and the target, and reads back to them', () => {
  const raw = { ...defaults, target: 'species', epochs: '30', hidden: '32,16', stratify: true, exclude: ['year'] };
  const hash = link.toHash(table, raw);
  assert.match(hash, /^#/);
  assert.ok(!hash.includes('batchSize'), 'a default is left out');
  const { values, unknown } = link.fromHash(table, hash);
  assert.deepEqual(unknown, []);
  assert.deepEqual(values, { target: 'species', epochs: '30', hidden: '32,16', stratify: true, exclude: 'year' });
  assert.equal(link.toHash(table, defaults), '');
  // What the hash gives, the engine checks as it checks the form.
  const checked = gradtape.checkSettings({ ...values, exclude: [values.exclude] });
  assert.deepEqual(checked.errors, {});
  assert.equal(checked.settings.epochs, 30);
});

test('names a hash may hold that are no setting are listed, not applied', () => {
  const { values, unknown } = link.fromHash(table, '#epochs=5&colour=red&__proto__=1');
  assert.deepEqual(values, { epochs: '5' });
  assert.deepEqual(unknown, ['colour', '__proto__']);
});

test('a downloaded settings JSON, a model file and a plain object load back; other files are refused', () => {
  const run = JSON.stringify({ tool: 'gradtape', settings: { ...defaults, epochs: 12 } });
  assert.equal(link.fromJson(table, run).values.epochs, 12);
  const model = JSON.stringify({ format: 'gradtape-model/1', settings: { batch_size: 16, learning_rate: 0.01 } });
  assert.deepEqual(link.fromJson(table, model).values, { batchSize: 16, learningRate: 0.01 });
  assert.deepEqual(link.fromJson(table, '{"epochs": 3, "x": 1}'), { values: { epochs: 3 }, unknown: ['x'] });
  assert.throws(() => link.fromJson(table, '{"epochs": '), /not JSON/);
  assert.throws(() => link.fromJson(table, '[1, 2]'), /expected an object/);
  assert.throws(() => link.fromJson(table, '{"colour": "red"}'), /no gradtape settings/);
});
