#!/usr/bin/env node
// gradtape against TensorFlow.js 4.22 on the tutorial's workload (heart.csv, 11-64-64-1,
// RMSprop, batch 32, 60 epochs), measured in the same run: in node (native CLI, gradtape wasm,
// tfjs cpu and wasm backends) and in the same headless-Chromium page (gradtape wasm, tfjs wasm
// and cpu). Prints medians and ratios, and writes build/bench/compare.json.
//   node bench/tfjs/compare.mjs [--runs N]
// Needs build/native and build/wasm (scripts/test builds both); installs its own TensorFlow.js.
// scripts/bench measures the same and more, in one report.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../tests/browser/lib/page.mjs';
import { distDir, heartCsvPath, nativeCli, repoRoot } from '../../tests/support/paths.mjs';
import { summarize } from '../suite/stats.mjs';
import { measureInChromium, measureInNode } from './measure.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5);
const epochs = 60;

const heart = heartCsvPath();
for (const [path, what] of [[heart, 'heart.csv (see README)'], [nativeCli, 'the native build'],
  [join(distDir, 'gradtape.js'), 'the wasm build']]) {
  if (!path || !existsSync(path)) throw new Error(`missing ${what}: run scripts/test first`);
}
const csv = readFileSync(heart, 'utf8');
const median = (xs) => summarize(xs).median;

const node = await measureInNode({ heartPath: heart, csv, runs, epochs });
const browser = await launchBrowser();
let chromiumResults;
try {
  chromiumResults = await measureInChromium({ browser, csv, runs, epochs });
} finally {
  await browser.close();
}

const report = { epochs, runs, cpus: cpus().length, loadavg: loadavg(), node: {}, chromium: {} };
const table = [];
for (const [where, results] of [['node', node], ['chromium', chromiumResults]]) {
  const gradtapeMs = median(where === 'node' ? results['gradtape-wasm'] : results.gradtape);
  for (const [name, times] of Object.entries(results)) {
    const ms = median(times);
    report[where][name] = { median_ms: ms, runs_ms: times, ratio_to_gradtape_wasm: ms / gradtapeMs };
    table.push({ where, engine: name, 'median ms': ms.toFixed(1), 'x gradtape wasm': (ms / gradtapeMs).toFixed(1) });
  }
}
console.table(table);
mkdirSync(join(repoRoot, 'build/bench'), { recursive: true });
writeFileSync(join(repoRoot, 'build/bench/compare.json'), JSON.stringify(report, null, 2));
console.log(`wrote ${join(repoRoot, 'build/bench/compare.json')}`);
