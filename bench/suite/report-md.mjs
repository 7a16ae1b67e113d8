// report.md: the report's figures as tables a person reads (report.json holds every run).

const fixed = (value, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const mb = (bytes) => (!bytes ? '–' : bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
const times = (value) => (value ? `${fixed(value)}×` : '–');
// "median (min–max)" of a summary.
const spread = (s, digits = 1) => (s ? `${fixed(s.median, digits)} (${fixed(s.min, digits)}–${fixed(s.max, digits)})` : '–');
const table = (header, rows) => [
  `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), '',
].join('\n');

function machine(m) {
  const load = (averages) => (averages ? averages.map((l) => l.toFixed(2)).join(' ') : '–');
  return [`Measured ${m.date} on ${m.cpu}, ${m.cores} cores, ${fixed(m.memory_gb)} GB; load average (1, 5, 15 min) ${load(m.loadavg_at_start)} at the start, ${load(m.loadavg)} at the end;`,
    `node ${m.node}, Chromium ${m.chromium}, ${m.gcc}, ${m.emcc}.`, ''].join('\n');
}

function targets(list) {
  const verdict = (met) => (met === null ? 'not measured' : met ? 'met' : '**not met**');
  return table(['target', 'measured', 'verdict'], list.map((t) => [t.target, fixed(t.value, 2), verdict(t.met)]));
}

function heart(report) {
  const { tfjs } = report;
  if (!tfjs) return '';
  const row = (where, results, gradtape) => [where, spread(results[gradtape]?.ms), spread(results['tfjs-wasm']?.ms),
    spread(results['tfjs-cpu']?.ms), times(results['tfjs-wasm']?.ratio_to_gradtape), times(results['tfjs-cpu']?.ratio_to_gradtape)];
  return ['### heart.csv, 60 epochs (ms: median (min–max), configure and train)', '',
    table(['where', 'gradtape wasm', 'TF.js wasm', 'TF.js cpu', 'TF.js wasm / gradtape', 'TF.js cpu / gradtape'], [
      row('node', tfjs.node ?? {}, 'gradtape-wasm'), row('Chromium (one page)', tfjs.chromium ?? {}, 'gradtape')]),
    `Native CLI, same run: ${spread(tfjs.node?.['gradtape-native (training)']?.ms)} ms training, `
      + `${spread(tfjs.node?.['gradtape-native (process)']?.ms)} ms the whole process.`, ''].join('\n');
}

function gflops(report) {
  const g = report.gflops;
  if (!g) return '';
  const versus = report.page_vs_node?.heart;
  return ['### GFLOP/s on heart.csv, 60 epochs', '',
    `${fixed(g.flops_60_epochs / 1e9, 3)} GFLOP of matrix products (forward and backward, ${report.wasm_node.heart.train_rows} train rows), over the epochs' own time.`, '',
    table(['where', 'GFLOP/s', 'of the kernel peak'], [
      ['the page (Chromium)', fixed(g.page, 2), times(g.page_over_peak && Number(g.page_over_peak.toFixed(2)))],
      ['TF.js comparison page (Chromium, configure included)', fixed(g.chromium_bench_page, 2), '–'],
      ['node', fixed(g.node_wasm, 2), times(g.node_over_peak && Number(g.node_over_peak.toFixed(2)))],
      ['node, one epoch per 16 ms timer (paced as the page paces these epochs)', fixed(g.node_wasm_paced, 2), '–'],
      ['hand-written 2×16 wasm-SIMD kernel, 32×64·64×64, node (peak)', spread(report.kernel?.gflop_per_s, 2), '1×'],
    ]),
    ...(versus ? [`The page's 60 epochs took ${fixed(versus.page_epochs_ms)} ms, the same module's in node ${fixed(versus.node_epochs_ms)} ms: ${times(versus.epoch_ratio)}.`, ''] : []),
  ].join('\n');
}

function pagePhases(name, page) {
  if (!page) return '';
  const rows = Object.entries(page.phases).map(([phase, p]) => [phase, spread(p.ms, 0), spread(p.long_tasks, 0), fixed(p.longest_task_ms.max, 0),
    spread(p.long_animation_frames, 0), fixed(p.longest_animation_frame_ms.max, 0), spread(p.frame_gaps, 0), fixed(p.longest_frame_gap_ms.max, 0)]);
  return [`#### The page on ${name} (${mb(page.file_bytes)}, ${page.epochs} epoch${page.epochs > 1 ? 's' : ''}, ${page.runs.length} run${page.runs.length > 1 ? 's' : ''})`, '',
    `Engine (sliced calls, their pauses included): loadCsvAsync ${spread(page.load_csv_ms, 0)} ms, configureAsync ${spread(page.configure_ms, 0)} ms, epochs ${spread(page.epochs_ms, 0)} ms; `
      + `file chosen to "Loaded" ${spread(page.drop_to_loaded_ms, 0)} ms. Wasm heap peak ${mb(page.wasm_heap_peak_bytes)} (${times(page.wasm_heap_peak_over_file)} the file); `
      + `JS heap at the end ${mb(page.js_heap_done_bytes.median)}.`, '',
    table(['phase', 'ms', 'long tasks', 'longest', 'long animation frames', 'longest', 'frame gaps', 'longest'], rows)].join('\n');
}

function largeFiles(report) {
  const out = [];
  for (const w of report.workloads.large) {
    const native = report.native?.files?.[w.name];
    const node = report.wasm_node?.files?.[w.name];
    const versus = report.page_vs_node?.[w.name];
    out.push(`### ${w.name} (${mb(w.bytes)}, one epoch)`, '');
    out.push(table(['', 'read+describe+prepare', 'epoch', 'memory peak'], [
      ['native CLI', native ? `${spread(native.prepare_ms, 0)} ms, ${fixed(native.prepare_mb_per_s)} MB/s` : '–', native ? `${spread(native.epoch_ms, 0)} ms` : '–',
        native ? `RSS ${mb(native.peak_rss_bytes)} (${times(native.peak_rss_over_file)} the file)` : '–'],
      ['wasm in node', node ? `load ${spread(node.load_ms, 0)} + configure ${spread(node.configure_ms, 0)} ms` : '–', node ? `${spread(node.epochs_ms, 0)} ms` : '–',
        node ? `heap ${mb(node.heap_peak_bytes)} (${times(node.heap_peak_over_file)} the file)` : '–'],
    ]));
    if (versus) out.push(`Epoch in the page ${fixed(versus.page_epochs_ms, 0)} ms, in node ${fixed(versus.node_epochs_ms, 0)} ms: ${times(versus.epoch_ratio)}.`, '');
    out.push(pagePhases(w.name, report.page?.files?.[w.name]));
  }
  return out.join('\n');
}

function googleBenchmark(programs) {
  if (!programs) return '';
  const rows = Object.entries(programs).flatMap(([program, { benchmarks }]) => Object.entries(benchmarks).map(([name, b]) => [
    program, name, b.error ? `failed: ${b.error}` : `${spread(b.real_time, 3)} ${b.unit}`, b.mb_per_s ? `${fixed(b.mb_per_s.median)} MB/s` : '']));
  return ['### Native Google Benchmark (real time per iteration: median (min–max))', '', table(['program', 'benchmark', 'time', 'throughput'], rows)].join('\n');
}

export function renderReport(report) {
  const errors = Object.entries(report.errors);
  return [`# gradtape benchmark report (${report.mode})`, '', machine(report.machine),
    `heart: ${report.workloads.heart.path}${report.workloads.heart.real ? '' : ' (the synthetic sample: heart.csv was not found)'}.`, '',
    '## Targets (issue 14)', '', targets(report.targets),
    ...(errors.length ? ['## Parts that failed', '', ...errors.map(([part, message]) => `- ${part}: ${message}`), ''] : []),
    '## Figures', '', heart(report), gflops(report), report.page?.heart ? pagePhases('heart.csv', report.page.heart) : '',
    largeFiles(report), googleBenchmark(report.native?.google_benchmark)].join('\n');
}
