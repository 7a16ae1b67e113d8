// One timed 60-epoch run of the tutorial's workload, in gradtape (wasm module) or TensorFlow.js,
// wherever the caller runs it (node or a page). Each returns { ms, history }.
import { mulberry32, prepareHeart, trainTfjs } from './tutorial.mjs';

export function runGradtape(gradtape, csv, { epochs = 60, seed = 42 } = {}) {
  const session = new gradtape.Session();
  session.loadCsv(csv);
  const started = performance.now();
  session.configure({ epochs, seed });
  let progress;
  do progress = session.step({}); while (!progress.done);
  const ms = performance.now() - started;
  const history = session.history();
  session.delete();
  return { ms, history };
}

export async function runTfjs(tf, tfl, backend, csv, { epochs = 60, seed = 42 } = {}) {
  await tf.setBackend(backend);
  await tf.ready();
  const random = mulberry32(seed);
  const data = prepareHeart(csv, random);
  const { totalMs, history } = await trainTfjs({ tf, tfl, data, random, epochs });
  return { ms: totalMs, history };
}
