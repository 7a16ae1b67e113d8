// The page's number formatting (web/js/format.js) in node: statistics to 4 significant digits,
// whole numbers in full, and years without a thousands separator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../web/js/format.js', import.meta.url), 'utf8');
const window = {};
new Function('window', source)(window);
const fmt = window.gradtapeUI.format;

test('statistics to 4 significant digits, whole numbers in full', () => {
  assert.equal(fmt.stat(29.53747478788606), '29.54');
  assert.equal(fmt.stat(0.031234), '0.03123');
  assert.equal(fmt.stat(12345.678), '12,350');
  assert.equal(fmt.stat(12345), '12,345');
  assert.equal(fmt.stat(1.2e-7), '1.20e-7');
  assert.equal(fmt.stat(NaN), '–');
});

test('a year is written without a separator, and only a column of years is one', () => {
  assert.equal(fmt.stat(2008), '2,008');
  assert.equal(fmt.stat(2008, 'year'), '2008');
  assert.equal(fmt.stat(2008.5, 'year'), '2008.5');
  assert.equal(fmt.columnKind({ dtype: 'int64', min: 1950, max: 2024 }), 'year');
  assert.equal(fmt.columnKind({ dtype: 'int64', min: 0, max: 2024 }), '');
  assert.equal(fmt.columnKind({ dtype: 'float64', min: 1950, max: 2024 }), '');
  assert.equal(fmt.columnKind({ dtype: 'int64', min: 1950, max: 3000 }), '');
});
