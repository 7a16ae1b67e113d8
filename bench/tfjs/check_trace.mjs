// Checks tutorial.mjs against the shared 2-epoch trace: same split, weights and step losses.
// Run: node check_trace.mjs [cpu|wasm]
import { readFileSync } from 'node:fs';
import { mulberry32, prepareHeart, trainTfjs } from './tutorial.mjs';
import { tf, tfl } from './tfjs_node.mjs';

const shared = new URL('../../../shared/', import.meta.url);
const trace = JSON.parse(readFileSync(new URL('reference/heart_tfjs_trace_2epochs.json', shared)));
const csv = readFileSync(new URL('data/heart.csv', shared), 'utf8');
await tf.setBackend(process.argv[2] ?? 'cpu');
const random = mulberry32(42);
const data = prepareHeart(csv, random);
const { history } = await trainTfjs({ tf, tfl, data, random, epochs: 2 });
for (const [k, e] of history.entries()) {
  const t = trace.epochs[k];
  const worst = Math.max(...e.stepLosses.map((l, i) => Math.abs(l - t.step_losses[i])));
  console.log(`epoch ${e.epoch}: max |step loss diff| ${worst.toExponential(2)}, ` +
    `train_correct ${e.trainCorrect}/${t.train_correct}, val_correct ${e.valCorrect}/${t.val_correct}`);
}
