// Loads the built wasm module (dist/gradtape.js, one classic script with the wasm inlined) in node.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from './paths.mjs';

export async function loadGradtape() {
  const script = join(distDir, 'gradtape.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: build the wasm preset first`);
  const createGradtape = createRequire(import.meta.url)(script);
  return createGradtape();
}
