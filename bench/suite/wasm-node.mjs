// The wasm module (build/wasm/dist/gradtape.js) in node, through bench/tfjs/runners.mjs's
// runGradtape: heart.csv for 60 epochs, and one epoch on each large file, each large file in a
// fresh instance so that its heap (the module's memory, which only grows) is that file's alone.
import { readFileSync, statSync } from 'node:fs';
import { loadGradtape } from '../../tests/support/module.mjs';
import { runGradtape } from '../tfjs/runners.mjs';
import { ratio, summarize } from './stats.mjs';

const heapBytes = (gradtape) => gradtape.HEAP8.buffer.byteLength;
const epochsMs = (history) => history.reduce((sum, log) => sum + log.ms, 0);

// Heart-sized runs, after one warm-up run of the same instance.
export async function measureWasmHeart(heartPath, { runs, epochs }) {
  const gradtape = await loadGradtape();
  const csv = readFileSync(heartPath, 'utf8');
  runGradtape(gradtape, csv, { epochs });
  const results = Array.from({ length: runs }, () => runGradtape(gradtape, csv, { epochs }));
  const { plan } = results[0];
  return {
    epochs,
    train_rows: plan.trainRows,
    layer_sizes: [plan.features.length, 64, 64, 1],
    run_ms: summarize(results.map((r) => r.ms)),
    epochs_ms: summarize(results.map((r) => epochsMs(r.history))),
  };
}

// The same, paced as the page paces a 60-epoch run: one epoch, then a 16 ms timer (a frame's
// interval) before the next. A control for the page's figure: on a virtual machine a thread that
// wakes every frame can run slower than one that computes without pause, page or no page.
export async function measureWasmHeartPaced(heartPath, { runs, epochs, frameMs = 16 }) {
  const gradtape = await loadGradtape();
  const csv = readFileSync(heartPath, 'utf8');
  runGradtape(gradtape, csv, { epochs });
  const frame = () => new Promise((resolve) => { setTimeout(resolve, frameMs); });
  const totals = [];
  for (let r = 0; r < runs; ++r) {
    const session = new gradtape.Session();
    session.loadCsv(csv);
    session.configure({ epochs, seed: 42 });
    let progress;
    do {
      progress = session.step({});
      if (progress.epochEnded && !progress.done) await frame();
    } while (!progress.done);
    totals.push(epochsMs(session.history()));
    session.delete();
  }
  return { epochs, frame_ms: frameMs, epochs_ms: summarize(totals) };
}

// One epoch on a large file, read as bytes as the page reads a dropped file.
export async function measureWasmFile(file, { runs }) {
  const bytes = statSync(file).size;
  const results = [];
  let heapPeak = 0;
  let heapStart = 0;
  for (let r = 0; r < runs; ++r) {
    const gradtape = await loadGradtape();
    heapStart = heapBytes(gradtape);
    results.push(runGradtape(gradtape, new Uint8Array(readFileSync(file)), { epochs: 1 }));
    heapPeak = Math.max(heapPeak, heapBytes(gradtape));
  }
  return {
    file_bytes: bytes,
    load_ms: summarize(results.map((r) => r.loadMs)),
    configure_ms: summarize(results.map((r) => r.configureMs)),
    epochs_ms: summarize(results.map((r) => epochsMs(r.history))),
    heap_start_bytes: heapStart,
    heap_peak_bytes: heapPeak,
    heap_peak_over_file: ratio(heapPeak, bytes),
  };
}
