// The hostile-input corpus (tests/hostile/cases.json) for the JavaScript tests: the cases, each
// case's file as the page would hand it to the engine, and its settings keyed as the bindings
// take them. tests/native/train/hostile_test.cpp reads the same file.
import { readFileSync } from 'node:fs';
import { repoRoot } from './paths.mjs';

export const corpus = JSON.parse(readFileSync(new URL('../hostile/cases.json', import.meta.url), 'utf8'));

// "batch_size" -> "batchSize": the bindings' key of a core setting or field.
export const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

// The case's file: a string, or bytes (a Uint8Array) where the corpus gives bytes.
export function fileOf(c) {
  if (c.csv !== undefined) return c.csv;
  if (c.bytes_hex !== undefined) return Uint8Array.from(c.bytes_hex.match(/../g).map((h) => Number.parseInt(h, 16)));
  const g = c.generate;
  if (g.cell_bytes) return `a,y\n${'x'.repeat(g.cell_bytes)},1\n`;
  const lines = [];
  for (let r = 0; r <= g.rows; r += 1) lines.push(Array.from({ length: g.columns }, (_, k) => (r === 0 ? `c${k}` : String(k % 10))).join(','));
  return `${lines.join('\n')}\n`;
}

export function settingsOf(c) {
  return Object.fromEntries(Object.entries(c.settings || {}).map(([key, value]) => [camel(key), value]));
}

export { repoRoot };
