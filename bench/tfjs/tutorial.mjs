// The reference pipeline (docs/pipeline.md) in TensorFlow.js, drawing every random number
// exactly as gradtape and the reference traces do (mulberry32: split, Glorot init, per-epoch
// Fisher-Yates), so a run here and `gradtape train --seed N` start from the same state.
// TensorFlow.js is passed in ({ tf, tfl }: tfjs-core and tfjs-layers), so the same code runs in
// node (tfjs_node.mjs) and in a page (bench.html, with the UMD bundles).

export function mulberry32(seed) {
  let state = seed >>> 0;
  const nextU32 = () => {
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  // below(n) = (u32 * n) >> 32, exact for n < 2^21 in doubles.
  const below = (n) => Math.floor((nextU32() * n) / 4294967296);
  const unit = () => nextU32() / 4294967296;
  const permutation = (n) => {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i >= 1; --i) {
      const j = below(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  };
  return { nextU32, below, unit, permutation };
}

// heart.csv (no quoting in it) to category codes, split, ddof=1 scaling: steps 1-5.
export function prepareHeart(csvText, random, { target = 'HeartDisease', testSize = 0.2 } = {}) {
  const lines = csvText.split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((line) => line.split(','));
  const columns = header.map((name, c) => {
    const values = rows.map((row) => row[c]);
    if (values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)))) return values.map(Number);
    const categories = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return values.map((v) => categories.indexOf(v));
  });
  const targetIndex = header.indexOf(target);
  const featureIndex = header.map((_, c) => c).filter((c) => c !== targetIndex);
  const order = random.permutation(rows.length);
  const nTest = Math.ceil(testSize * rows.length);
  const valRows = order.slice(0, nTest);
  const trainRows = order.slice(nTest);
  const stats = featureIndex.map((c) => {
    const values = trainRows.map((r) => columns[c][r]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
    return { mean, std: Math.sqrt(variance) };
  });
  const matrix = (rowIds) => Float32Array.from(rowIds.flatMap((r) =>
    featureIndex.map((c, k) => (columns[c][r] - stats[k].mean) / stats[k].std)));
  const labels = (rowIds) => Float32Array.from(rowIds.map((r) => columns[targetIndex][r]));
  return {
    features: featureIndex.length,
    xTrain: matrix(trainRows), yTrain: labels(trainRows), nTrain: trainRows.length,
    xVal: matrix(valRows), yVal: labels(valRows), nVal: valRows.length,
  };
}

// Glorot-uniform kernels drawn row-major [in][out] in layer order, in double, rounded once.
export function glorotWeights(random, sizes) {
  const weights = [];
  for (let l = 0; l + 1 < sizes.length; ++l) {
    const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const kernel = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < kernel.length; ++i) kernel[i] = limit * (2 * random.unit() - 1);
    weights.push({ kernel, bias: new Float32Array(fanOut), shape: [fanIn, fanOut] });
  }
  return weights;
}

// The optimizers by gradtape's names, as TensorFlow.js builds them with Keras' defaults.
export function makeOptimizer(tf, { name = 'rmsprop', learningRate = 0.001, momentum = 0, nesterov = false } = {}) {
  if (name === 'rmsprop') return tf.train.rmsprop(learningRate, 0.9, momentum, 1e-7);
  if (name === 'adam') return tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
  if (name === 'sgd') return momentum ? tf.train.momentum(learningRate, momentum, nesterov) : tf.train.sgd(learningRate);
  throw new Error(`unknown optimizer ${name}`);
}

// Steps 6-12 with tf.variableGrads, as the Keras tutorial's GradientTape loop. Returns the
// per-epoch history and the total training time.
export async function trainTfjs({ tf, tfl, data, random, epochs = 60, batchSize = 32, hidden = [64, 64],
  learningRate = 0.001, optimizer: optimizerSettings = {} }) {
  const sizes = [data.features, ...hidden, 1];
  const model = tfl.sequential();
  sizes.slice(1).forEach((units, l) => model.add(tfl.layers.dense({
    units, activation: l === sizes.length - 2 ? 'sigmoid' : 'relu',
    ...(l === 0 ? { inputShape: [data.features] } : {}),
  })));
  const init = glorotWeights(random, sizes);
  model.setWeights(init.flatMap((w) => [tf.tensor2d(w.kernel, w.shape), tf.tensor1d(w.bias)]));
  const optimizer = makeOptimizer(tf, { learningRate, ...optimizerSettings });
  const xTrain = tf.tensor2d(data.xTrain, [data.nTrain, data.features]);
  const yTrain = tf.tensor2d(data.yTrain, [data.nTrain, 1]);
  const xVal = tf.tensor2d(data.xVal, [data.nVal, data.features]);
  const yVal = tf.tensor2d(data.yVal, [data.nVal, 1]);
  const lossOf = (y, p) => tf.mean(tfl.metrics.binaryCrossentropy(y, p));
  const history = [];
  const started = performance.now();
  for (let epoch = 1; epoch <= epochs; ++epoch) {
    const epochStart = performance.now();
    const perm = random.permutation(data.nTrain);
    const stepLosses = [];
    let trainCorrect = 0;
    for (let b = 0; b * batchSize < data.nTrain; ++b) {
      const ids = tf.tensor1d(perm.slice(b * batchSize, (b + 1) * batchSize), 'int32');
      const xb = tf.gather(xTrain, ids);
      const yb = tf.gather(yTrain, ids);
      let preds;
      const { value, grads } = tf.variableGrads(() => {
        const p = model.apply(xb, { training: true });
        preds = tf.keep(p);
        return lossOf(yb, p);
      });
      optimizer.applyGradients(grads);
      stepLosses.push(value.dataSync()[0]);
      const p = preds.dataSync();
      const y = yb.dataSync();
      for (let i = 0; i < p.length; ++i) trainCorrect += (p[i] > 0.5 ? 1 : 0) === y[i] ? 1 : 0;
      tf.dispose([ids, xb, yb, preds, value, ...Object.values(grads)]);
    }
    const valLosses = [];
    let valCorrect = 0;
    for (let start = 0; start < data.nVal; start += batchSize) {
      const size = Math.min(batchSize, data.nVal - start);
      tf.tidy(() => {
        const xb = tf.slice(xVal, [start, 0], [size, data.features]);
        const yb = tf.slice(yVal, [start, 0], [size, 1]);
        const p = model.predict(xb);
        valLosses.push(lossOf(yb, p).dataSync()[0]);
        const pv = p.dataSync();
        const yv = yb.dataSync();
        for (let i = 0; i < size; ++i) valCorrect += (pv[i] > 0.5 ? 1 : 0) === yv[i] ? 1 : 0;
      });
    }
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    history.push({
      epoch, stepLosses, trainLoss: mean(stepLosses), valLoss: mean(valLosses),
      trainCorrect, valCorrect, trainAccuracy: trainCorrect / data.nTrain,
      valAccuracy: valCorrect / data.nVal, ms: performance.now() - epochStart,
    });
  }
  const totalMs = performance.now() - started;
  tf.dispose([xTrain, yTrain, xVal, yVal]);
  model.dispose();
  optimizer.dispose();
  return { history, totalMs };
}
