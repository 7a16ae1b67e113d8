// What the suite measures, by mode: heart.csv (the tutorial's 60 epochs) and large files shaped
// like it (one epoch each), with how many times each part repeats.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { heartShapedFile } from '../../tests/support/heart-shaped.mjs';
import { heartCsvPath, repoRoot } from '../../tests/support/paths.mjs';

// 1,260,000 rows of this shape are 50.5 MB, over the engine's 50,000,000-byte limit
// (core/data/limits.h), which the page enforces: 1,240,000 rows (49.7 MB) is the largest it takes.
const largeRows = { quick: [200000], full: [200000, 1240000] };

// heartRuns: gradtape's 60-epoch runs (a tenth of a second each); heartPageRuns: the page's on
// heart.csv (about 3 s each, the noisiest figure: docs/design.md); repeats: every other part's.
export const modes = {
  smoke: { heartRuns: 3, repeats: 1, tfjsRuns: 1, benchmarkRepetitions: 1, pageRepeats: 1, heartPageRuns: 1 },
  quick: { heartRuns: 5, repeats: 1, tfjsRuns: 1, benchmarkRepetitions: 1, pageRepeats: 1, heartPageRuns: 3 },
  full: { heartRuns: 11, repeats: 3, tfjsRuns: 3, benchmarkRepetitions: 3, pageRepeats: 3, heartPageRuns: 9 },
};

// heart.csv, or the synthetic sample with its shape when the real file is absent (said so).
export function heartWorkload() {
  const real = heartCsvPath();
  const path = real ?? join(repoRoot, 'data/heart_synthetic.csv');
  return { name: 'heart', path, real: Boolean(real), bytes: statSync(path).size, epochs: 60 };
}

// The large files of `mode` ('quick' or 'full'), generated once into build/bench/data.
export function largeWorkloads(mode) {
  return (largeRows[mode] ?? []).map((rows) => {
    const path = heartShapedFile(join(repoRoot, 'build/bench/data', `heart_shaped_${rows}.csv`), rows);
    return { name: `${rows.toLocaleString('en')} rows`, rows, path, bytes: statSync(path).size, epochs: 1 };
  });
}
