// The page itself in headless Chromium, as a person uses it: choose a file (the "CSV file" input,
// given the file's path, so that the browser reads it from disk as it would a person's), wait
// for it to load,
// set the epochs, press Train, wait for "Done". From the drop to "Done" it counts long tasks,
// long animation frames and frame gaps over 50 ms, split by phase: load (drop to the Train
// click, so the rendering of the data's tables counts), configure (the click to the run's first
// epoch status) and train (to "Done"). It also reads the engine's own times and heap.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  longTasks, openPage, setField, waitForDone, waitForStatus,
} from '../../tests/browser/lib/page.mjs';
import { pageProbe } from './page-probe.mjs';
import { ratio, summarize } from './stats.mjs';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Counts and the longest of the entries ({ start, duration }) that start in [from, to).
function within(entries, from, to) {
  const inside = entries.filter((e) => e.start >= from && e.start < to && e.duration > 50);
  return { count: inside.length, longest_ms: inside.reduce((m, e) => Math.max(m, e.duration), 0), total_ms: inside.reduce((s, e) => s + e.duration, 0) };
}

function phase(probe, tasks, from, to) {
  return {
    ms: to - from,
    long_tasks: within(tasks, from, to),
    long_animation_frames: within(probe.animationFrames, from, to),
    frame_gaps: within(probe.frameGaps, from, to),
  };
}

const pageHeap = (page) => page.evaluate(() => ({
  wasm: window.__bench.module.HEAP8.buffer.byteLength,
  js: performance.memory ? performance.memory.usedJSHeapSize : null,
}));

// One run of `file` for `epochs` epochs in a fresh page; `timeout` bounds each phase.
export async function measurePageRun({ browser, serverUrl, file, epochs, timeout }) {
  const name = basename(file);
  const { page, context, log } = await openPage(browser, serverUrl, { initScript: pageProbe });
  try {
    await page.waitForTimeout(1000); // the page's idle warm-up of the engine
    const heapBefore = await pageHeap(page);
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
    await waitForStatus(page, new RegExp(`^Loaded ${escape(name)}`), timeout);
    const heapLoaded = await pageHeap(page);
    await setField(page, 'Epochs', epochs);
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForDone(page, timeout);
    const heapDone = await pageHeap(page);
    const tasks = await longTasks(page);
    const probe = await page.evaluate(() => ({ ...window.__bench, module: null }));
    const dropAt = probe.drops[0];
    const clickAt = probe.trainClicks[0];
    const runAt = probe.statuses.find((s) => s.t > clickAt && /^Epoch 1\//.test(s.text)).t;
    const doneAt = probe.statuses.find((s) => s.t > runAt && /^Done\b/.test(s.text)).t;
    const load = probe.calls.find((c) => c.name === 'loadCsvAsync' && c.start >= dropAt);
    const configure = probe.calls.find((c) => c.name === 'configureAsync' && c.session === load.session && c.start >= clickAt);
    const epochLogs = probe.epochs.filter((e) => e.session === load.session && e.end >= clickAt);
    const bytes = statSync(file).size;
    return {
      file_bytes: bytes,
      epochs,
      phases: {
        load: phase(probe, tasks, dropAt, clickAt),
        configure: phase(probe, tasks, clickAt, runAt),
        train: phase(probe, tasks, runAt, doneAt),
        all: phase(probe, tasks, dropAt, doneAt),
      },
      drop_to_loaded_ms: probe.statuses.find((s) => s.t > dropAt && s.text.startsWith('Loaded')).t - dropAt,
      engine: {
        load_csv_ms: load.ms,
        configure_ms: configure.ms,
        epoch_ms: epochLogs.map((e) => e.ms),
        epochs_ms: epochLogs.reduce((s, e) => s + e.ms, 0),
        step_calls_ms: probe.stepMs[load.session],
      },
      wasm_heap_bytes: { before: heapBefore.wasm, loaded: heapLoaded.wasm, done: heapDone.wasm },
      wasm_heap_peak_over_file: ratio(heapDone.wasm, bytes),
      js_heap_bytes: { before: heapBefore.js, loaded: heapLoaded.js, done: heapDone.js },
      long_animation_frames_observed: !probe.animationFrameError,
      page_errors: [...log.pageErrors, ...log.consoleErrors],
    };
  } finally {
    await context.close();
  }
}

// Several runs of one workload: the engine's times and the phases' figures as medians, min and
// max (counts of long tasks and gaps, and the longest of each), the heap's peak, and the runs.
export function summarizePageRuns(runs) {
  const figure = (pick) => summarize(runs.map(pick));
  const phases = Object.fromEntries(Object.keys(runs[0].phases).map((name) => {
    const of = (run) => run.phases[name];
    return [name, {
      ms: figure((run) => of(run).ms),
      long_tasks: figure((run) => of(run).long_tasks.count),
      longest_task_ms: figure((run) => of(run).long_tasks.longest_ms),
      long_animation_frames: figure((run) => of(run).long_animation_frames.count),
      longest_animation_frame_ms: figure((run) => of(run).long_animation_frames.longest_ms),
      frame_gaps: figure((run) => of(run).frame_gaps.count),
      longest_frame_gap_ms: figure((run) => of(run).frame_gaps.longest_ms),
    }];
  }));
  const heapPeak = Math.max(...runs.map((run) => run.wasm_heap_bytes.done));
  return {
    file_bytes: runs[0].file_bytes,
    epochs: runs[0].epochs,
    drop_to_loaded_ms: figure((run) => run.drop_to_loaded_ms),
    load_csv_ms: figure((run) => run.engine.load_csv_ms),
    configure_ms: figure((run) => run.engine.configure_ms),
    epochs_ms: figure((run) => run.engine.epochs_ms),
    step_calls_ms: figure((run) => run.engine.step_calls_ms),
    phases,
    wasm_heap_peak_bytes: heapPeak,
    wasm_heap_peak_over_file: ratio(heapPeak, runs[0].file_bytes),
    js_heap_done_bytes: figure((run) => run.js_heap_bytes.done),
    long_animation_frames_observed: runs.every((run) => run.long_animation_frames_observed),
    page_errors: runs.flatMap((run) => run.page_errors),
    runs,
  };
}
