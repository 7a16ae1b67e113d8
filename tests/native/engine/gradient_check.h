// Shared by the engine suites: finite-difference gradient checks, small matrices written out, and
// small random ones.
// The check weights an op's output by fixed random R, asks the tape for d sum(R ⊙ y) / d input,
// and compares with central differences of the same sum, taken in double over the float outputs.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <vector>

#include "core/engine/ops.h"
#include "core/engine/tape.h"
#include "core/random.h"

namespace gradtape::testing {

// A rows x cols matrix of the values given, row by row.
inline Matrix matrix(Index rows, Index cols, std::initializer_list<float> values) {
  Matrix m(rows, cols);
  std::copy(values.begin(), values.end(), m.data());
  return m;
}

// A column of the values given.
inline Matrix column(std::initializer_list<float> values) {
  return matrix(static_cast<Index>(values.size()), 1, values);
}

// Uniform in [lo, hi), from the engine's own Random.
inline Matrix random_matrix(Index rows, Index cols, Random& random, double lo = -1.0,
                            double hi = 1.0) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) {
    m.data()[i] = static_cast<float>(lo + (hi - lo) * random.unit());
  }
  return m;
}

// Like random_matrix, but every |value| >= gap: keeps inputs away from a kink at zero.
inline Matrix away_from_zero(Index rows, Index cols, Random& random, double gap = 0.1) {
  Matrix m = random_matrix(rows, cols, random);
  for (Index i = 0; i < m.size(); ++i) {
    float& v = m.data()[i];
    v = v < 0.f ? v - static_cast<float>(gap) : v + static_cast<float>(gap);
  }
  return m;
}

using OpBuilder = std::function<Var(GradientTape&, std::vector<Variable>&)>;

// Checks every element of every input: |analytic - numeric| <= tolerance · (1 + |numeric|).
inline void expect_gradients_match(const std::vector<Matrix>& inputs, const OpBuilder& build,
                                   double step = 1e-2, double tolerance = 2e-3) {
  std::vector<Variable> variables(inputs.size());
  std::vector<Variable*> sources;
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    variables[k].value = inputs[k];
    sources.push_back(&variables[k]);
  }

  GradientTape tape;
  Var y = build(tape, variables);
  ASSERT_TRUE(tape.ok()) << tape.error().message;
  Random random(1234);
  const Matrix weights = random_matrix(tape.rows(y), tape.cols(y), random);
  Var weighted = multiply(tape, y, tape.constant(weights));
  Result<Gradients> grads = tape.gradient(weighted, sources);
  ASSERT_TRUE(grads.ok()) << grads.error().message;

  auto weighted_sum = [&]() {
    GradientTape probe;
    const Matrix& out = probe.value(build(probe, variables));
    double total = 0.0;
    for (Index i = 0; i < out.size(); ++i) {
      total += static_cast<double>(weights.data()[i]) * static_cast<double>(out.data()[i]);
    }
    return total;
  };
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    ASSERT_EQ((*grads)[k].rows(), inputs[k].rows());
    ASSERT_EQ((*grads)[k].cols(), inputs[k].cols());
    for (Index i = 0; i < inputs[k].size(); ++i) {
      float& v = variables[k].value.data()[i];
      const float original = v;
      const float up = static_cast<float>(original + step);
      const float down = static_cast<float>(original - step);
      v = up;
      const double plus = weighted_sum();
      v = down;
      const double minus = weighted_sum();
      v = original;
      const double numeric = (plus - minus) / (static_cast<double>(up) - static_cast<double>(down));
      const double analytic = (*grads)[k].data()[i];
      EXPECT_NEAR(analytic, numeric, tolerance * (1.0 + std::abs(numeric)))
          << "input " << k << ", element " << i;
    }
  }
}

}  // namespace gradtape::testing
