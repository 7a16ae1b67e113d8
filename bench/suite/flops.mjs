// The floating-point work of the tutorial's training, counted over its matrix products (they
// dominate a step; biases, activations and the optimizer are left out).

// Per sample, with layer sizes [in, h1, ..., out]: the forward product of each layer (2 in·out),
// its weight gradient (2 in·out), and its input gradient (2 in·out) except for the first layer,
// whose input is the data.
export function trainingFlopsPerSample(sizes) {
  let flops = 0;
  for (let l = 0; l + 1 < sizes.length; ++l) flops += (l === 0 ? 4 : 6) * sizes[l] * sizes[l + 1];
  return flops;
}

export function trainingFlops({ sizes, trainRows, epochs }) {
  return trainingFlopsPerSample(sizes) * trainRows * epochs;
}
