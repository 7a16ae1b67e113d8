#!/usr/bin/env node
// gradtape against TensorFlow.js 4.22 on the tutorial's workload (heart.csv, 11-64-64-1,
// RMSprop, batch 32, 60 epochs), measured in the same run: in node (native CLI, gradtape wasm,
// tfjs cpu and wasm backends) and in the same headless-Chromium page (gradtape wasm, tfjs wasm
// and cpu). Prints medians and ratios, and writes build/bench/compare.json.
//   node bench/tfjs/compare.mjs [--runs N]
// Needs build/native and build/wasm (scripts/test builds both); installs its own TensorFlow.js.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distDir, heartCsvPath, nativeCli, repoRoot } from '../../tests/support/paths.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5);
const epochs = 60;

if (!existsSync(join(here, 'node_modules/@tensorflow/tfjs-core'))) {
  console.error('installing TensorFlow.js for the benchmark (npm ci in bench/tfjs)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
}
const heart = heartCsvPath();
for (const [path, what] of [[heart, 'heart.csv (see README)'], [nativeCli, 'the native build'],
  [join(distDir, 'gradtape.js'), 'the wasm build']]) {
  if (!path || !existsSync(path)) throw new Error(`missing ${what}: run scripts/test first`);
}
const csv = readFileSync(heart, 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { runGradtape, runTfjs } = await import('./runners.mjs');

const node = {};
// Native: the whole process (read, parse, train 60 epochs, print), and the training alone.
node['gradtape-native (process)'] = [];
node['gradtape-native (training)'] = [];
for (let r = 0; r < runs; ++r) {
  const started = performance.now();
  const out = spawnSync(nativeCli, ['train', heart, '--json'], { encoding: 'utf8' });
  node['gradtape-native (process)'].push(performance.now() - started);
  node['gradtape-native (training)'].push(out.stdout.trim().split('\n')
    .reduce((sum, line) => sum + JSON.parse(line).ms, 0));
}
const createGradtape = (await import('node:module')).createRequire(import.meta.url)(join(distDir, 'gradtape.js'));
const gradtape = await createGradtape();
runGradtape(gradtape, csv, { epochs });
node['gradtape-wasm'] = Array.from({ length: runs }, () => runGradtape(gradtape, csv, { epochs }).ms);
const { tf, tfl } = await import('./tfjs_node.mjs');
for (const backend of ['wasm', 'cpu']) {
  await runTfjs(tf, tfl, backend, csv, { epochs: 1 });
  node[`tfjs-${backend}`] = [];
  for (let r = 0; r < Math.min(runs, 3); ++r) node[`tfjs-${backend}`].push((await runTfjs(tf, tfl, backend, csv, { epochs })).ms);
}

// The same page in headless Chromium, served from loopback.
const page = mkdtempSync(join(tmpdir(), 'gradtape-bench-'));
const tfjsDist = (pkg) => join(here, 'node_modules/@tensorflow', pkg, 'dist');
const files = {
  'gradtape.js': join(distDir, 'gradtape.js'),
  'tf-core.min.js': join(tfjsDist('tfjs-core'), 'tf-core.min.js'),
  'tf-layers.min.js': join(tfjsDist('tfjs-layers'), 'tf-layers.min.js'),
  'tf-backend-cpu.min.js': join(tfjsDist('tfjs-backend-cpu'), 'tf-backend-cpu.min.js'),
  'tf-backend-wasm.min.js': join(tfjsDist('tfjs-backend-wasm'), 'tf-backend-wasm.min.js'),
  'tfjs-backend-wasm.wasm': join(tfjsDist('tfjs-backend-wasm'), 'tfjs-backend-wasm.wasm'),
  'tfjs-backend-wasm-simd.wasm': join(tfjsDist('tfjs-backend-wasm'), 'tfjs-backend-wasm-simd.wasm'),
  'tfjs-backend-wasm-threaded-simd.wasm': join(tfjsDist('tfjs-backend-wasm'), 'tfjs-backend-wasm-threaded-simd.wasm'),
};
for (const name of ['bench.html', 'bench_page.mjs', 'runners.mjs', 'tutorial.mjs']) files[name] = join(here, name);
for (const [name, source] of Object.entries(files)) symlinkSync(source, join(page, name));
const { startStaticServer } = await import('../../scripts/lib/static-server.mjs');
const server = await startStaticServer({ root: page });
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync'],
});
let chromiumResults;
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => console.error('page error:', error.message));
  await tab.goto(`${server.url}bench.html`);
  await tab.waitForFunction(() => window.benchReady === true);
  chromiumResults = await tab.evaluate((args) => window.runBench(args), { csv, runs: Math.min(runs, 3), epochs });
} finally {
  await browser.close();
  await server.close();
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
