#!/usr/bin/env node
// gradtape's optimizers beside TensorFlow.js's, run after run: for each optimizer and seed, the
// native CLI and tutorial.mjs (tfjs cpu backend) train 60 epochs from the same split, weights and
// shuffles. Prints the largest per-epoch loss differences and in how many epochs the validation
// counts agree. Float32 rounding differences grow once a run overfits, faster with momentum.
//   node bench/tfjs/optimizers.mjs [--seeds 1,2,3] [--epochs 60]
// Needs build/native (scripts/test builds it); installs its own TensorFlow.js.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { heartCsvPath, nativeCli } from '../../tests/support/paths.mjs';
import { installTfjs } from './measure.mjs';

const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const seeds = option('--seeds', '1,2,3').split(',').map(Number);
const epochs = Number(option('--epochs', 60));
installTfjs();
const heart = heartCsvPath();
if (!heart || !existsSync(nativeCli)) throw new Error('needs heart.csv (see README) and build/native: run scripts/test first');
const csv = readFileSync(heart, 'utf8');
const { tf, tfl } = await import('./tfjs_node.mjs');
const { mulberry32, prepareHeart, trainTfjs } = await import('./tutorial.mjs');
await tf.setBackend('cpu');

const cases = [
  { label: 'rmsprop', flags: [], optimizer: { name: 'rmsprop' } },
  { label: 'rmsprop momentum 0.9', flags: ['--momentum', '0.9'], optimizer: { name: 'rmsprop', momentum: 0.9 } },
  { label: 'adam', flags: ['--optimizer', 'adam'], optimizer: { name: 'adam' } },
  { label: 'sgd lr 0.01', flags: ['--optimizer', 'sgd', '--lr', '0.01'], optimizer: { name: 'sgd', learningRate: 0.01 } },
  { label: 'sgd lr 0.01 momentum 0.9', flags: ['--optimizer', 'sgd', '--lr', '0.01', '--momentum', '0.9'],
    optimizer: { name: 'sgd', learningRate: 0.01, momentum: 0.9 } },
  { label: 'sgd lr 0.01 nesterov 0.9', flags: ['--optimizer', 'sgd', '--lr', '0.01', '--momentum', '0.9', '--nesterov'],
    optimizer: { name: 'sgd', learningRate: 0.01, momentum: 0.9, nesterov: true } },
];

const worst = (pairs, from, to) => Math.max(...pairs.slice(from, to).map(([a, b]) => Math.abs(a - b)));
console.log('optimizer                  seed  max |train loss diff|       max |val loss diff|         val correct equal');
console.log('                                 epochs 1-20   all epochs    epochs 1-20   all epochs');
let allEqualEarly = true;
for (const { label, flags, optimizer } of cases) {
  for (const seed of seeds) {
    const random = mulberry32(seed);
    const data = prepareHeart(csv, random);
    const { history: tfjs } = await trainTfjs({ tf, tfl, data, random, epochs,
      learningRate: optimizer.learningRate ?? 0.001, optimizer });
    const run = spawnSync(nativeCli, ['train', heart, '--json', '--seed', String(seed), '--epochs', String(epochs), ...flags],
      { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`gradtape ${label}: ${run.stderr}`);
    const ours = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    const train = ours.map((e, i) => [e.train_loss, tfjs[i].trainLoss]);
    const val = ours.map((e, i) => [e.val_loss, tfjs[i].valLoss]);
    const sameVal = ours.filter((e, i) => Math.round(e.val_acc * data.nVal) === tfjs[i].valCorrect).length;
    allEqualEarly &&= worst(train, 0, 20) < 1e-5;
    const e = (x) => x.toExponential(1).padEnd(14);
    console.log(`${label.padEnd(27)}${String(seed).padEnd(6)}${e(worst(train, 0, 20))}${e(worst(train, 0, epochs))}` +
      `${e(worst(val, 0, 20))}${e(worst(val, 0, epochs))}${sameVal}/${epochs} epochs`);
  }
}
console.log(allEqualEarly ? 'every run within 1e-5 of TensorFlow.js through epoch 20' : 'some run drifts beyond 1e-5 before epoch 20');
process.exitCode = allEqualEarly ? 0 : 1;
