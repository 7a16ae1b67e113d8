#!/usr/bin/env node
// The benchmark suite of issue 14, one report: native Google Benchmark programs, the native CLI
// on large files, the wasm module in node, the page in headless Chromium, TensorFlow.js 4.22 on
// the same workload, and a hand-written wasm-SIMD kernel as the limit. Writes report.json and
// report.md into --out (build/bench by default). scripts/bench installs and builds first.
//   node bench/suite/run.mjs [--quick | --smoke] [--out DIR]
// --quick: heart.csv and the 200,000-row file, one repeat. --smoke: the node and page parts on
// heart.csv only, then checks the report's fields (exits 1 if one is missing).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, serveDist } from '../../tests/browser/lib/page.mjs';
import { repoRoot } from '../../tests/support/paths.mjs';
import { installTfjs, measureInChromium, measureInNode } from '../tfjs/measure.mjs';
import { trainingFlops } from './flops.mjs';
import { runGoogleBenchmarks } from './google-benchmark.mjs';
import { measureKernel } from './kernel.mjs';
import { describeMachine } from './machine.mjs';
import { measureNativeFile } from './native-cli.mjs';
import { measurePageRun, summarizePageRuns } from './page-run.mjs';
import { renderReport } from './report-md.mjs';
import { missingFields } from './report-fields.mjs';
import { ratio, summarize } from './stats.mjs';
import { judgeTargets } from './targets.mjs';
import { heartWorkload, largeWorkloads, modes } from './workloads.mjs';
import { measureWasmFile, measureWasmHeart, measureWasmHeartPaced } from './wasm-node.mjs';

const args = process.argv.slice(2);
const modeName = args.includes('--smoke') ? 'smoke' : args.includes('--quick') ? 'quick' : 'full';
const mode = modes[modeName];
const outDir = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : join(repoRoot, 'build/bench'));
const pageTimeout = 5 * 60 * 1000; // per page phase: loading 50 MB is known to take seconds
const log = (text) => console.error(`  ${text}`);

const heart = heartWorkload();
const large = largeWorkloads(modeName);
const smoke = modeName === 'smoke';
const loadavgAtStart = loadavg();
const report = { schema: 'gradtape-bench/1', mode: modeName, workloads: { heart, large }, errors: {} };

// Runs one part; a part that throws is recorded in report.errors and the suite goes on.
async function part(name, measure) {
  console.error(`==> ${name}`);
  const started = performance.now();
  try {
    return await measure();
  } catch (error) {
    console.error(`${name} failed: ${error.stack ?? error}`);
    report.errors[name] = String(error.message ?? error);
    return undefined;
  } finally {
    log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

const byName = async (workloads, measure) => {
  const out = {};
  for (const w of workloads) {
    log(w.name);
    out[w.name] = await measure(w);
  }
  return out;
};

if (!smoke) {
  installTfjs(); // before anything is timed
  report.native = {
    google_benchmark: await part('native Google Benchmark', () => runGoogleBenchmarks({ repetitions: mode.benchmarkRepetitions, heartPath: heart.path })),
    files: await part('native CLI on large files', () => byName(large, (w) => measureNativeFile(w.path, mode.repeats))),
  };
}
report.wasm_node = {
  heart: await part('wasm in node: heart', () => measureWasmHeart(heart.path, { runs: mode.heartRuns, epochs: heart.epochs })),
  heart_paced: await part('wasm in node: heart, one epoch per frame', () => measureWasmHeartPaced(heart.path, { runs: mode.heartRuns, epochs: heart.epochs })),
  files: await part('wasm in node: large files', () => byName(large, (w) => measureWasmFile(w.path, { runs: mode.repeats }))),
};

const browser = await launchBrowser();
const server = await serveDist();
report.chromium_version = browser.version();
try {
  const pageRuns = (w, repeats = mode.pageRepeats) => part(`page: ${w.name}`, async () => {
    const runs = [];
    for (let r = 0; r < repeats; ++r) {
      runs.push(await measurePageRun({ browser, serverUrl: server.url, file: w.path, epochs: w.epochs, timeout: pageTimeout }));
    }
    return summarizePageRuns(runs);
  });
  report.page = { heart: await pageRuns(heart, mode.heartPageRuns), files: {} };
  for (const w of large) report.page.files[w.name] = await pageRuns(w);
  if (!smoke) {
    const csv = readFileSync(heart.path, 'utf8');
    const withRatios = (results, gradtapeName) => Object.fromEntries(Object.entries(results).map(([name, times]) => {
      const ms = summarize(times);
      return [name, { ms, ratio_to_gradtape: ratio(ms.median, summarize(results[gradtapeName]).median) }];
    }));
    report.tfjs = {
      epochs: heart.epochs,
      node: await part('TF.js and gradtape in node', async () => withRatios(
        await measureInNode({ heartPath: heart.path, csv, runs: mode.heartRuns, tfjsRuns: mode.tfjsRuns, epochs: heart.epochs }), 'gradtape-wasm')),
      chromium: await part('TF.js and gradtape in one Chromium page', async () => withRatios(
        await measureInChromium({ browser, csv, runs: mode.heartRuns, tfjsRuns: mode.tfjsRuns, epochs: heart.epochs }), 'gradtape')),
    };
  }
} finally {
  await browser.close();
  await server.close();
}

if (!smoke) report.kernel = await part('hand-written wasm-SIMD kernel', () => measureKernel({ repeats: 5 }));

// GFLOP/s of heart's 60 epochs: the products' FLOPs over the epochs' own time (each epoch's ms,
// validation included), or over the whole run on the TF.js comparison page (configure included).
const wasmHeart = report.wasm_node.heart;
if (wasmHeart) {
  const flops = trainingFlops({ sizes: wasmHeart.layer_sizes, trainRows: wasmHeart.train_rows, epochs: heart.epochs });
  const gflops = (ms) => (ms ? flops / (ms * 1e6) : null);
  const peak = report.kernel?.gflop_per_s.median ?? null;
  report.gflops = {
    flops_60_epochs: flops,
    node_wasm: gflops(wasmHeart.epochs_ms.median),
    node_wasm_paced: gflops(report.wasm_node.heart_paced?.epochs_ms.median),
    page: gflops(report.page?.heart?.epochs_ms.median),
    chromium_bench_page: gflops(report.tfjs?.chromium?.gradtape?.ms.median),
    kernel_peak: peak,
  };
  report.gflops.page_over_peak = ratio(report.gflops.page, peak);
  report.gflops.node_over_peak = ratio(report.gflops.node_wasm, peak);
}
// The same module's epochs in the page and in node (heart: its 60 epochs together).
const versus = (w, page, node) => {
  if (!page || !node) return [];
  const [inPage, inNode] = [page.epochs_ms.median, node.epochs_ms.median];
  return [[w.name, { file_bytes: w.bytes, epochs: w.epochs, page_epochs_ms: inPage, node_epochs_ms: inNode, epoch_ratio: ratio(inPage, inNode) }]];
};
report.page_vs_node = Object.fromEntries([
  ...versus(heart, report.page?.heart, report.wasm_node.heart),
  ...large.flatMap((w) => versus(w, report.page?.files[w.name], report.wasm_node.files?.[w.name])),
]);
report.targets = judgeTargets(report);
report.machine = describeMachine({ chromium: report.chromium_version, loadavgAtStart });

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(outDir, 'report.md'), renderReport(report));
console.error(`wrote ${join(outDir, 'report.json')} and report.md`);

const missing = missingFields(report);
if (missing.length) console.error(`the report lacks: ${missing.join(', ')}`);
process.exitCode = missing.length || Object.keys(report.errors).length ? 1 : 0;
