// The machine a report was measured on: CPU, cores, load, browser and node versions, date.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

// `loadavgAtStart`: os.loadavg() when the suite began; the load at the end is read here.
export function describeMachine({ chromium, loadavgAtStart }) {
  const gcc = execFileSync('g++', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const emccVersion = execFileSync('emcc', ['--version'], { encoding: 'utf8', env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
  const emcc = `emcc ${/\d+\.\d+\.\d+/.exec(emccVersion)?.[0] ?? 'unknown'}`;
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gb: totalmem() / 2 ** 30,
    loadavg_at_start: loadavgAtStart,
    loadavg: loadavg(),
    node: process.version,
    chromium,
    gcc,
    emcc,
  };
}
