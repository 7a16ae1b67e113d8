// Issue 14's targets, each judged from a report: { target, value, met } (met is null when the
// report lacks what it needs, as a --quick run lacks the largest file).

// The entry of `byName` with the largest file_bytes, or undefined.
const largest = (byName) => Object.values(byName ?? {}).sort((a, b) => b.file_bytes - a.file_bytes)[0];
const judge = (target, value, passes) => ({ target, value: value ?? null, met: value === null || value === undefined ? null : passes(value) });

export function judgeTargets(report) {
  const page = report.page ?? {};
  const pageRuns = [...Object.values(page.files ?? {}), ...(page.heart ? [page.heart] : [])];
  const worst = (field) => (pageRuns.length ? Math.max(...pageRuns.map((w) => w.phases.all[field].max)) : null);
  const nativeFiles = Object.values(report.native?.files ?? {});
  const chromium = report.tfjs?.chromium ?? {};
  return [
    judge('no long task over 50 ms from drop to last epoch, any file (most in a run)', worst('long_tasks'), (v) => v === 0),
    judge('no frame gap over 50 ms from drop to last epoch, any file (most in a run)', worst('frame_gaps'), (v) => v === 0),
    judge('page wasm heap peak < 3× file (largest file)', largest(page.files)?.wasm_heap_peak_over_file, (v) => v < 3),
    judge('node wasm heap peak < 3× file (largest file)', largest(report.wasm_node?.files)?.heap_peak_over_file, (v) => v < 3),
    judge('native peak RSS < 3× file (largest file)', largest(report.native?.files)?.peak_rss_over_file, (v) => v < 3),
    judge('native read+describe+prepare ≥ 50 MB/s (slowest file)',
      nativeFiles.length ? Math.min(...nativeFiles.map((f) => f.prepare_mb_per_s)) : null, (v) => v >= 50),
    judge('heart 60 epochs in the Chromium page ≥ 14 GFLOP/s', report.gflops?.page, (v) => v >= 14),
    judge('gradtape ≥ 20× faster than TF.js wasm (Chromium)', chromium['tfjs-wasm']?.ratio_to_gradtape, (v) => v >= 20),
    judge('gradtape ≥ 50× faster than TF.js cpu (Chromium)', chromium['tfjs-cpu']?.ratio_to_gradtape, (v) => v >= 50),
    judge('page epoch ≤ 1.5× node on the largest file', largest(report.page_vs_node)?.epoch_ratio, (v) => v <= 1.5),
  ];
}
