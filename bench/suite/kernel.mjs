// Times the hand-written wasm-SIMD kernel (gemm_2x16.cpp, built by scripts/bench into
// build/bench/gemm_2x16.wasm) in node: GFLOP/s of its 32×64×64 product, the best of
// several quarter-second runs being the peak, after checking its result against a plain loop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../tests/support/paths.mjs';
import { summarize } from './stats.mjs';

export const kernelPath = join(repoRoot, 'build/bench/gemm_2x16.wasm');

export async function measureKernel({ repeats }) {
  const { instance } = await WebAssembly.instantiate(readFileSync(kernelPath), {});
  const kernel = instance.exports;
  kernel._initialize?.();
  kernel.fill();
  kernel.multiply(1);
  const error = kernel.check();
  if (error !== 0) throw new Error(`the kernel's product is wrong (largest error ${error})`);
  kernel.multiply(20000); // warm-up: lets V8 tier the kernel up
  const timed = (times) => {
    const started = performance.now();
    kernel.multiply(times);
    return performance.now() - started;
  };
  let times = 1000;
  while (timed(times) < 250) times *= 2; // a run long enough for the clock
  const gflops = [];
  for (let r = 0; r < repeats; ++r) gflops.push((times * kernel.flops()) / (timed(times) * 1e6));
  return { shape: '32x64 · 64x64 (f32)', flops_per_product: kernel.flops(), products_per_run: times, gflop_per_s: summarize(gflops) };
}
