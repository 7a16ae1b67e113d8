// Where the node and browser tests find the built module, the native CLI and the real data.
// A missing heart.csv is a skip on a newcomer's machine and a failure under CI (CI=true).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = resolve(process.env.GRADTAPE_DIST ?? join(repoRoot, 'build/wasm/dist'));
export const nativeCli = resolve(process.env.GRADTAPE_NATIVE_CLI ?? join(repoRoot, 'build/native/gradtape'));
export const sharedDir = resolve(process.env.GRADTAPE_SHARED_DIR ?? join(repoRoot, '../shared'));
export const runningUnderCi = ['true', '1'].includes(process.env.CI ?? '');

// $GRADTAPE_HEART_CSV, then data/heart.csv, then ../shared/data/heart.csv; null if none.
export function heartCsvPath() {
  const candidates = [process.env.GRADTAPE_HEART_CSV, join(repoRoot, 'data/heart.csv'),
    join(sharedDir, 'data/heart.csv')];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

// For node:test: returns the path, or skips the test (fails it under CI) when heart.csv is absent.
export function requireHeartCsv(t) {
  const path = heartCsvPath();
  if (path) return path;
  const message = 'heart.csv not found: set GRADTAPE_HEART_CSV, or download it to data/heart.csv (see README)';
  if (runningUnderCi) throw new Error(`${message} (CI=true: a missing file is a failure)`);
  t.skip(message);
  return null;
}

export function referencePath(name) {
  const path = join(sharedDir, 'reference', name);
  return existsSync(path) ? path : null;
}
