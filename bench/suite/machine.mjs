// The machine a report was measured on: CPU, cores, load, browser and node versions, date.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export function describeMachine(chromiumVersion) {
  const gcc = execFileSync('g++', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const emccVersion = execFileSync('emcc', ['--version'], { encoding: 'utf8', env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
  const emcc = `emcc ${/\d+\.\d+\.\d+/.exec(emccVersion)?.[0] ?? 'unknown'}`;
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gb: totalmem() / 2 ** 30,
    loadavg: loadavg(),
    node: process.version,
    chromium: chromiumVersion,
    gcc,
    emcc,
  };
}
