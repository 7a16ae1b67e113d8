// One timed run of the tutorial's workload, in gradtape (wasm module) or TensorFlow.js,
// wherever the caller runs it (node or a page). Each returns { ms, history }; ms counts
// configuring and training, not reading the CSV.
import { mulberry32, prepareHeart, trainTfjs } from './tutorial.mjs';

// `csv` is the file's text or bytes. Also returns the time of each engine call: loadMs (read and
// describe), configureMs (split, encode, scale, build) and trainMs (every step of every epoch),
// and the run's plan.
export function runGradtape(gradtape, csv, { epochs = 60, seed = 42 } = {}) {
  const session = new gradtape.Session();
  const loadStart = performance.now();
  session.loadCsv(csv);
  const started = performance.now();
  const plan = session.configure({ epochs, seed });
  const configured = performance.now();
  let progress;
  do progress = session.step({}); while (!progress.done);
  const ms = performance.now() - started;
  const history = session.history();
  session.delete();
  return { ms, history, plan, loadMs: started - loadStart, configureMs: configured - started, trainMs: started + ms - configured };
}

export async function runTfjs(tf, tfl, backend, csv, { epochs = 60, seed = 42 } = {}) {
  await tf.setBackend(backend);
  await tf.ready();
  const random = mulberry32(seed);
  const data = prepareHeart(csv, random);
  const { totalMs, history } = await trainTfjs({ tf, tfl, data, random, epochs });
  return { ms: totalMs, history };
}
