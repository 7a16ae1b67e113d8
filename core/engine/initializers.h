// Kernel initializers by Keras' names. They draw from the engine's one Random in the reference
// traces' order: row-major over [fan_in][fan_out], one unit() per weight.
#pragma once

#include <string_view>

#include "core/random.h"
#include "core/result.h"
#include "core/tensor.h"

namespace gradtape {

enum class Initializer { glorot_uniform, he_uniform, zeros };

const char* initializer_name(Initializer initializer);
// "glorot_uniform", "he_uniform" or "zeros"; anything else is an Error on field "initializer".
Result<Initializer> parse_initializer(std::string_view name);

// A [fan_in, fan_out] kernel, w = float(limit·(2u - 1)) computed in double with u = random.unit():
// limit = sqrt(6 / (fan_in + fan_out)) for Glorot, sqrt(6 / fan_in) for He. zeros draws nothing.
Matrix initialize_kernel(Index fan_in, Index fan_out, Initializer initializer, Random& random);

}  // namespace gradtape
