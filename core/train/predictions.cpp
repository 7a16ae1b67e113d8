#include "core/train/predictions.h"

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

}  // namespace gradtape
