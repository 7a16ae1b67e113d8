// The native CLI end to end on a file: `gradtape train FILE --epochs 1 --json` under
// /usr/bin/time -v. The CLI flushes each epoch's JSON line as it ends, so the time from the
// process's start to the first step is the arrival of that line less the epoch's own ms: start-up,
// read, describe and prepare. Peak RSS is time's "Maximum resident set size".
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeCli } from '../../tests/support/paths.mjs';
import { ratio, summarize } from './stats.mjs';

// One run: { prepareMs, epochMs, wallMs, peakRssBytes }.
function runOnce(file) {
  const folder = mkdtempSync(join(tmpdir(), 'gradtape-time-'));
  const timeReport = join(folder, 'time.txt');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', '-o', timeReport, nativeCli, 'train', file, '--epochs', '1', '--json']);
    let stdout = '';
    let firstLineAt = null;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (firstLineAt === null && stdout.includes('\n')) firstLineAt = performance.now();
    });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => {
      const wallMs = performance.now() - started;
      const report = readFileSync(timeReport, 'utf8');
      rmSync(folder, { recursive: true, force: true });
      if (status !== 0) return reject(new Error(`gradtape train ${file} failed (${status}): ${stderr}`));
      const epoch = JSON.parse(stdout.split('\n')[0]);
      const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)[1]);
      resolve({ prepareMs: firstLineAt - started - epoch.ms, epochMs: epoch.ms, wallMs, peakRssBytes: rssKb * 1024 });
    });
  });
}

export async function measureNativeFile(file, repeats) {
  const bytes = statSync(file).size;
  const runs = [];
  for (let r = 0; r < repeats; ++r) runs.push(await runOnce(file));
  const prepare = summarize(runs.map((r) => r.prepareMs));
  const peakRss = Math.max(...runs.map((r) => r.peakRssBytes));
  return {
    file_bytes: bytes,
    prepare_ms: prepare,
    prepare_mb_per_s: (bytes / 1e6) / (prepare.median / 1000),
    epoch_ms: summarize(runs.map((r) => r.epochMs)),
    wall_ms: summarize(runs.map((r) => r.wallMs)),
    peak_rss_bytes: peakRss,
    peak_rss_over_file: ratio(peakRss, bytes),
  };
}
