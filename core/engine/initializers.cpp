#include "core/engine/initializers.h"

#include <cmath>
#include <string>

namespace gradtape {

const char* initializer_name(Initializer initializer) {
  switch (initializer) {
    case Initializer::glorot_uniform: return "glorot_uniform";
    case Initializer::he_uniform: return "he_uniform";
    case Initializer::zeros: return "zeros";
  }
  return "glorot_uniform";
}

Result<Initializer> parse_initializer(std::string_view name) {
  for (Initializer i : {Initializer::glorot_uniform, Initializer::he_uniform, Initializer::zeros}) {
    if (name == initializer_name(i)) return i;
  }
  return Error{"unknown initializer \"" + std::string(name) +
                   "\": expected glorot_uniform, he_uniform or zeros",
               "initializer"};
}

Matrix initialize_kernel(Index fan_in, Index fan_out, Initializer initializer, Random& random) {
  Matrix kernel = Matrix::Zero(fan_in, fan_out);
  if (initializer == Initializer::zeros) return kernel;
  const double fans = initializer == Initializer::glorot_uniform
                          ? static_cast<double>(fan_in + fan_out)
                          : static_cast<double>(fan_in);
  const double limit = std::sqrt(6.0 / fans);
  // Row-major storage, so data() order is the trace's [in][out] draw order.
  for (Index i = 0; i < kernel.size(); ++i) {
    kernel.data()[i] = static_cast<float>(limit * (2.0 * random.unit() - 1.0));
  }
  return kernel;
}

}  // namespace gradtape
