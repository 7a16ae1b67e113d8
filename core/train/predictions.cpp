#include "core/train/predictions.h"

#include <algorithm>

#include "core/engine/metrics.h"

namespace gradtape {

Predictions interpret(const Matrix& output, const TargetInfo& target) {
  Predictions out;
  if (target.task == Task::regression) {
    for (Index i = 0; i < output.rows(); ++i)
      out.values.push_back(static_cast<double>(output(i, 0)) * target.std + target.mean);
    return out;
  }
  const bool binary = target.task == Task::binary;
  out.probabilities = binary ? Matrix(output.rows(), 2) : output;
  for (Index i = 0; i < output.rows(); ++i) {
    if (binary) {
      out.probabilities(i, 0) = 1.f - output(i, 0);
      out.probabilities(i, 1) = output(i, 0);
    }
    out.classes.push_back(binary ? (output(i, 0) > 0.5f ? 1 : 0)
                                 : static_cast<std::size_t>(argmax_of_row(output, i)));
  }
  return out;
}

Predictions predict_in_blocks(Sequential& network, const Matrix& x, const TargetInfo& target) {
  Pacer never_pauses;
  return predict_in_blocks(network, x, target, never_pauses);
}

Predictions predict_in_blocks(Sequential& network, const Matrix& x, const TargetInfo& target,
                              Pacer& pacer) {
  Predictions out;
  for (Index start = 0; start < x.rows(); start += kPredictRows) {
    const Matrix rows = x.middleRows(start, std::min(kPredictRows, x.rows() - start));
    Predictions block = interpret(network.predict(rows), target);
    if (out.probabilities.size() == 0 && block.probabilities.size() != 0)
      out.probabilities.resize(x.rows(), block.probabilities.cols());
    if (block.probabilities.size() != 0)
      out.probabilities.middleRows(start, rows.rows()) = block.probabilities;
    out.classes.insert(out.classes.end(), block.classes.begin(), block.classes.end());
    out.values.insert(out.values.end(), block.values.begin(), block.values.end());
    pacer.look();
  }
  return out;
}

}  // namespace gradtape
