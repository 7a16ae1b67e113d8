// The native Google Benchmark programs of bench/ (build/native/bench), run with JSON output and
// repetitions; each benchmark's repetitions are summarized (real time per iteration, and its
// throughput where the program reports one).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../tests/support/paths.mjs';
import { summarize } from './stats.mjs';

export const benchmarkPrograms = ['step_bench', 'csv_bench', 'train_bench'];

// One program's results: { name: { unit, iterations, real_time, mb_per_s?, label? } }, or
// { name: { error } } for a benchmark that skipped with an error.
function runProgram(program, { repetitions, heartPath }) {
  const out = execFileSync(join(repoRoot, 'build/native/bench', program),
    ['--benchmark_format=json', `--benchmark_repetitions=${repetitions}`], {
      encoding: 'utf8', env: { ...process.env, GRADTAPE_HEART_CSV: heartPath }, maxBuffer: 64 << 20,
    });
  const { context, benchmarks } = JSON.parse(out);
  const byName = {};
  for (const run of benchmarks.filter((b) => b.run_type === 'iteration')) {
    (byName[run.run_name.replace(/\/min_time:[\d.]+$/, '')] ??= []).push(run);
  }
  const results = {};
  for (const [name, runs] of Object.entries(byName)) {
    results[name] = runs[0].error_occurred ? { error: runs[0].error_message } : {
      unit: runs[0].time_unit,
      iterations: runs[0].iterations,
      real_time: summarize(runs.map((r) => r.real_time)),
      ...(runs[0].bytes_per_second ? { mb_per_s: summarize(runs.map((r) => r.bytes_per_second / 1e6)) } : {}),
      ...(runs[0].label ? { label: runs[0].label } : {}),
    };
  }
  return { benchmark_library_build_type: context.library_build_type, num_cpus: context.num_cpus, benchmarks: results };
}

export function runGoogleBenchmarks({ repetitions, heartPath }) {
  return Object.fromEntries(benchmarkPrograms.map((program) => {
    console.error(`  native: ${program}`);
    return [program, runProgram(program, { repetitions, heartPath })];
  }));
}
