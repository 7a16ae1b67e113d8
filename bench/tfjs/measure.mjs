// gradtape against TensorFlow.js 4.22 on the tutorial's workload (heart.csv, 11-64-64-1,
// RMSprop, batch 32), measured in node (native CLI, gradtape wasm, tfjs cpu and wasm backends)
// and in one headless-Chromium page (gradtape wasm, tfjs wasm and cpu). Each measure returns
// { engine name: [ms of each run] }; compare.mjs and bench/suite use them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { loadGradtape } from '../../tests/support/module.mjs';
import { distDir, nativeCli } from '../../tests/support/paths.mjs';
import { runGradtape, runTfjs } from './runners.mjs';

const here = dirname(fileURLToPath(import.meta.url));

// TensorFlow.js lives in bench/tfjs/node_modules, pinned by its own lockfile.
export function installTfjs() {
  if (existsSync(join(here, 'node_modules/@tensorflow/tfjs-core'))) return;
  console.error('installing TensorFlow.js for the benchmark (npm ci in bench/tfjs)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
}

// TensorFlow.js runs are slow: by default at most 3 of each, whatever `runs` asks.
const defaultTfjsRuns = (runs) => Math.min(runs, 3);

// Native: the whole process (read, parse, train, print), and the training alone (its epochs' ms).
function measureNative(heartPath, runs, epochs) {
  const whole = [];
  const training = [];
  for (let r = 0; r < runs; ++r) {
    const started = performance.now();
    const out = spawnSync(nativeCli, ['train', heartPath, '--json', '--epochs', String(epochs)], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`gradtape train failed: ${out.stderr}`);
    whole.push(performance.now() - started);
    training.push(out.stdout.trim().split('\n').reduce((sum, line) => sum + JSON.parse(line).ms, 0));
  }
  return { 'gradtape-native (process)': whole, 'gradtape-native (training)': training };
}

// In node, each engine warmed up once first.
export async function measureInNode({ heartPath, csv, runs, tfjsRuns = defaultTfjsRuns(runs), epochs = 60 }) {
  const results = measureNative(heartPath, runs, epochs);
  const gradtape = await loadGradtape();
  runGradtape(gradtape, csv, { epochs });
  results['gradtape-wasm'] = Array.from({ length: runs }, () => runGradtape(gradtape, csv, { epochs }).ms);
  installTfjs();
  const { tf, tfl } = await import('./tfjs_node.mjs');
  for (const backend of ['wasm', 'cpu']) {
    await runTfjs(tf, tfl, backend, csv, { epochs: 1 });
    results[`tfjs-${backend}`] = [];
    for (let r = 0; r < tfjsRuns; ++r) results[`tfjs-${backend}`].push((await runTfjs(tf, tfl, backend, csv, { epochs })).ms);
  }
  return results;
}

// A folder holding bench.html, its modules, gradtape.js and TensorFlow.js's bundles (symlinks).
function benchPageFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'gradtape-bench-'));
  const tfjsDist = (pkg) => join(here, 'node_modules/@tensorflow', pkg, 'dist');
  const wasmBackend = tfjsDist('tfjs-backend-wasm');
  const files = {
    'gradtape.js': join(distDir, 'gradtape.js'),
    'tf-core.min.js': join(tfjsDist('tfjs-core'), 'tf-core.min.js'),
    'tf-layers.min.js': join(tfjsDist('tfjs-layers'), 'tf-layers.min.js'),
    'tf-backend-cpu.min.js': join(tfjsDist('tfjs-backend-cpu'), 'tf-backend-cpu.min.js'),
    'tf-backend-wasm.min.js': join(wasmBackend, 'tf-backend-wasm.min.js'),
  };
  for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    files[name] = join(wasmBackend, name);
  }
  for (const name of ['bench.html', 'bench_page.mjs', 'runners.mjs', 'tutorial.mjs']) files[name] = join(here, name);
  for (const [name, source] of Object.entries(files)) symlinkSync(source, join(folder, name));
  return folder;
}

// The same page in `browser` (a Playwright Chromium), served from loopback.
export async function measureInChromium({ browser, csv, runs, tfjsRuns = defaultTfjsRuns(runs), epochs = 60 }) {
  installTfjs();
  const folder = benchPageFolder();
  const server = await startStaticServer({ root: folder });
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    tab.on('pageerror', (error) => console.error('page error:', error.message));
    await tab.goto(`${server.url}bench.html`);
    await tab.waitForFunction(() => window.benchReady === true);
    return await tab.evaluate((args) => window.runBench(args), { csv, runs, tfjsRuns, epochs });
  } finally {
    await context.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
