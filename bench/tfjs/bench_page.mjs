// The page side of compare.mjs: gradtape and TensorFlow.js trained in the same page.
import { runGradtape, runTfjs } from './runners.mjs';

window.runBench = async ({ csv, runs, tfjsRuns = runs, epochs }) => {
  tf.wasm.setWasmPaths('./');
  const gradtape = await createGradtape();
  const results = { gradtape: [], 'tfjs-wasm': [], 'tfjs-cpu': [] };
  runGradtape(gradtape, csv, { epochs });  // warm-up of a fresh instance
  for (let r = 0; r < runs; ++r) results.gradtape.push(runGradtape(gradtape, csv, { epochs }).ms);
  for (const backend of ['wasm', 'cpu']) {
    await runTfjs(tf, tf, backend, csv, { epochs: 1 });  // warm-up
    for (let r = 0; r < tfjsRuns; ++r) results[`tfjs-${backend}`].push((await runTfjs(tf, tf, backend, csv, { epochs })).ms);
  }
  return results;
};
window.benchReady = true;
