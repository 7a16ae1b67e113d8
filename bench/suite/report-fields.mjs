// The fields a report must hold, by mode, as paths: missingFields(report) lists those absent
// (or not a finite number), a page run that logged errors and a heart run short of epochs.

const always = [
  'machine.cpu', 'machine.cores', 'machine.loadavg', 'machine.chromium', 'machine.node', 'machine.date',
  'wasm_node.heart.epochs_ms.median', 'wasm_node.heart.run_ms.min', 'wasm_node.heart.run_ms.max',
  'page.heart.epochs_ms.median', 'page.heart.load_csv_ms.median', 'page.heart.configure_ms.median',
  'page.heart.phases.load.long_tasks.max', 'page.heart.phases.configure.frame_gaps.max',
  'page.heart.phases.train.long_animation_frames.max', 'page.heart.wasm_heap_peak_bytes',
  'page.heart.wasm_heap_peak_over_file', 'gflops.node_wasm', 'gflops.node_wasm_paced', 'gflops.page',
];
const full = [
  'native.google_benchmark.step_bench.benchmarks.BM_TrainingStep.real_time.median',
  'native.google_benchmark.csv_bench.benchmarks.BM_ReadCsv.mb_per_s.median',
  'native.google_benchmark.train_bench.benchmarks.BM_Tutorial60Epochs.real_time.median',
  'tfjs.node.tfjs-wasm.ratio_to_gradtape', 'tfjs.node.tfjs-cpu.ratio_to_gradtape',
  'tfjs.chromium.tfjs-wasm.ratio_to_gradtape', 'tfjs.chromium.tfjs-cpu.ratio_to_gradtape',
  'kernel.gflop_per_s.median', 'gflops.page_over_peak', 'gflops.chromium_bench_page',
];
// For each large file: its native, node and page figures.
const perFile = (name) => [
  `native.files.${name}.prepare_mb_per_s`, `native.files.${name}.peak_rss_over_file`, `native.files.${name}.epoch_ms.median`,
  `wasm_node.files.${name}.heap_peak_over_file`, `wasm_node.files.${name}.epochs_ms.median`,
  `page.files.${name}.phases.load.long_tasks.max`, `page.files.${name}.phases.train.frame_gaps.max`,
  `page.files.${name}.wasm_heap_peak_over_file`, `page_vs_node.${name}.epoch_ratio`,
];

const at = (object, path) => path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), object);

export function missingFields(report) {
  const paths = report.mode === 'smoke' ? always
    : [...always, ...full, ...report.workloads.large.flatMap((w) => perFile(w.name))];
  const present = (value) => value !== undefined && value !== null && !(typeof value === 'number' && !Number.isFinite(value));
  const missing = paths.filter((path) => !present(at(report, path)));
  const pages = [report.page?.heart, ...Object.values(report.page?.files ?? {})].filter(Boolean);
  if (pages.some((page) => page.page_errors.length)) missing.push('page runs without errors');
  if (report.page?.heart && report.page.heart.runs.some((run) => run.engine.epoch_ms.length !== report.workloads.heart.epochs)) {
    missing.push('every epoch of the page run on heart.csv');
  }
  return missing;
}
