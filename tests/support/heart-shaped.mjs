// Large CSV files shaped like heart.csv, for the large-file browser test and the benchmarks: the
// built-in sample's rows, repeated with the numeric columns nudged so that no two copies are
// identical. Deterministic: the same row count always gives the same bytes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.mjs';

const samplePath = join(repoRoot, 'data/heart_synthetic.csv');

// The text of a file with `rows` data rows (after the header), ending with a newline.
export function heartShapedCsv(rows) {
  const [header, ...sample] = readFileSync(samplePath, 'utf8').trim().split('\n');
  const out = [header];
  for (let i = 0; i < rows; i += 1) {
    const copy = Math.floor(i / sample.length);
    const cells = sample[i % sample.length].split(',');
    cells[0] = String(Number(cells[0]) + (copy % 3) - 1); // Age
    cells[3] = String(Number(cells[3]) + (copy % 5) - 2); // RestingBP
    out.push(cells.join(','));
  }
  return `${out.join('\n')}\n`;
}

// Writes heartShapedCsv(rows) to `path` unless it is already there; returns the path.
export function heartShapedFile(path, rows) {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, heartShapedCsv(rows));
  }
  return path;
}
