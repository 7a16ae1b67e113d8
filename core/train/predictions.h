// A model's outputs read as its task reads them: each class's probability and the predicted
// class (binary: positive when p > 0.5, as Keras' BinaryAccuracy; multi-class: the argmax, the
// first on ties), or the value in the target's own units (regression: unscaled).
#pragma once

#include <cstddef>
#include <vector>

#include "core/data/dataset.h"
#include "core/engine/sequential.h"
#include "core/tensor.h"

namespace gradtape {

struct Predictions {
  Matrix probabilities;              // classification: n x K, each row's class probabilities
  std::vector<std::size_t> classes;  // classification: the predicted class of each row
  std::vector<double> values;        // regression: the prediction in the target's units
};

// output: the network's n x units, for `target`'s task.
Predictions interpret(const Matrix& output, const TargetInfo& target);

// `network`'s predictions of every row of `x`, kPredictRows rows at a time, so that its layers'
// buffers stay small however many rows there are (a quarter of a million validation rows through
// two layers of 64 would hold 130 MB).
inline constexpr Index kPredictRows = 4096;
Predictions predict_in_blocks(Sequential& network, const Matrix& x, const TargetInfo& target);
Predictions predict_in_blocks(Sequential& network, const Matrix& x, const TargetInfo& target,
                              Pacer& pacer);  // looks at `pacer` after each block

}  // namespace gradtape
