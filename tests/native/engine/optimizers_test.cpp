// One hand-computed update per optimizer and option, from w = [1, -2] with g = [0.5, 1e-4] (the
// small gradient shows where epsilon sits), RMSprop's four-lane update against its scalar formula,
// and the checks apply_gradients() makes.
#include <gtest/gtest.h>

#include <cmath>

#include "core/engine/adam.h"
#include "core/engine/rmsprop.h"
#include "core/engine/sgd.h"
#include "tests/native/engine/gradient_check.h"

namespace gradtape {
namespace {

Matrix row(float a, float b) {
  Matrix m(1, 2);
  m << a, b;
  return m;
}

// Applies `steps` updates with the same gradient [0.5, 1e-4] to w = [1, -2]; returns w.
Matrix run(Optimizer& optimizer, int steps) {
  Variable w{row(1.f, -2.f)};
  const std::vector<Matrix> grads = {row(0.5f, 1e-4f)};
  for (int i = 0; i < steps; ++i) {
    Status status = optimizer.apply_gradients(grads, {&w});
    EXPECT_TRUE(status.ok()) << status.error().message;
  }
  EXPECT_EQ(optimizer.iterations(), steps);
  return w.value;
}

void expect_row(const Matrix& w, double a, double b, double tolerance = 4e-7) {
  EXPECT_NEAR(w(0, 0), a, tolerance);
  EXPECT_NEAR(w(0, 1), b, tolerance);
}

TEST(SGD, PlainStep) {
  SGD sgd(0.1);
  // w -= g·lr:  1 - 0.5·0.1 = 0.95;  -2 - 1e-4·0.1 = -2.00001
  expect_row(run(sgd, 1), 0.95, -2.00001);
}

TEST(SGD, KerasDefaultLearningRate) {
  SGD sgd;
  // 1 - 0.5·0.01 = 0.995
  expect_row(run(sgd, 1), 0.995, -2.000001);
}

TEST(SGD, Momentum) {
  SGD sgd(0.1, 0.9);
  // m = 0.9m - 0.1g:  m1 = -0.05, w = 0.95;  m2 = -0.045 - 0.05 = -0.095, w = 0.855.
  // Second element: m1 = -1e-5, m2 = -1.9e-5, w = -2 - 1e-5 - 1.9e-5 = -2.000029
  expect_row(run(sgd, 2), 0.855, -2.000029);
}

TEST(SGD, Nesterov) {
  SGD sgd(0.1, 0.9, /*nesterov=*/true);
  // w += 0.9m - 0.1g:  step 1: m = -0.05, w = 1 - 0.045 - 0.05 = 0.905;
  // step 2: m = -0.095, w = 0.905 - 0.0855 - 0.05 = 0.7695.
  // Second element: -2 - 1.9e-5 - 2.71e-5 = -2.0000461
  expect_row(run(sgd, 2), 0.7695, -2.0000461);
}

TEST(RMSprop, TheTutorialStep) {
  RMSprop rmsprop;
  // ms = 0.9ms + 0.1g²;  w -= 0.001g / sqrt(ms + 1e-7)
  // step 1: ms = 0.025, inc = 0.0005 / sqrt(0.0250001) = 0.0005 / 0.158114199 = 0.00316227134
  // step 2: ms = 0.0475, inc = 0.0005 / sqrt(0.0475001) = 0.00229415492;  w = 0.994543574
  // Second element, where eps inside the root dominates: ms1 = 1e-9, inc = 1e-7 / sqrt(1.01e-7)
  //   = 3.14658388e-4;  ms2 = 1.9e-9, inc = 1e-7 / sqrt(1.019e-7) = 3.13265745e-4;  w = -2.00062792
  expect_row(run(rmsprop, 2), 0.994543574, -2.00062792);
}

// The tutorial's update runs four parameters at a time, then the rest one by one: each element
// must be, to the bit, the scalar formula in float (what the wasm build and TensorFlow.js do).
TEST(RMSprop, TheFourLaneUpdateIsTheScalarFormulaOnEveryElement) {
  Random random(9);
  // 21 parameters: 5 lanes of 4 and a tail of 1. From zero, w is the increments themselves, so an
  // increment off by one bit shows.
  Variable w{Matrix::Zero(3, 7)};
  Matrix want = w.value;
  Matrix mean_square = Matrix::Zero(3, 7);
  const float lr = 0.001f, rho = 0.9f, one_minus_rho = 0.1f, eps = 1e-7f;
  RMSprop rmsprop;
  for (int step = 0; step < 3; ++step) {
    const std::vector<Matrix> grads = {testing::random_matrix(3, 7, random)};
    const Matrix& g = grads[0];
    ASSERT_TRUE(rmsprop.apply_gradients(grads, {&w}).ok());
    for (Index i = 0; i < g.size(); ++i) {
      float& s = mean_square.data()[i];
      s = s * rho + (g.data()[i] * g.data()[i]) * one_minus_rho;
      want.data()[i] -= (g.data()[i] * lr) / std::sqrt(s + eps);
    }
    for (Index i = 0; i < g.size(); ++i)
      EXPECT_EQ(w.value.data()[i], want.data()[i]) << "step " << step << ", element " << i;
  }
}

TEST(RMSprop, Momentum) {
  RMSprop rmsprop(0.001, 0.9, /*momentum=*/0.5);
  // mom = 0.5mom + inc:  mom1 = 0.00316227134, mom2 = 0.00158113567 + 0.00229415492 = 0.00387529059
  // w = 1 - 0.00316227134 - 0.00387529059 = 0.992962438;
  // second element: mom1 = 3.14658388e-4, mom2 = 1.57329194e-4 + 3.13265745e-4, w = -2.00078525
  expect_row(run(rmsprop, 2), 0.992962438, -2.00078525);
}

TEST(RMSprop, Centered) {
  RMSprop rmsprop(0.001, 0.9, 0.0, 1e-7, /*centered=*/true);
  // mg = 0.9mg + 0.1g;  w -= 0.001g / sqrt(ms - mg² + 1e-7)
  // step 1: ms - mg² = 0.025 - 0.0025 = 0.0225, inc = 0.0005 / 0.150000333 = 0.00333332593
  // step 2: ms - mg² = 0.0475 - 0.009025 = 0.038475, inc = 0.00254906040;  w = 0.994117614
  // second element: 9e-10 then 1.539e-9 under the root with 1e-7: w = -2.00062864
  expect_row(run(rmsprop, 2), 0.994117614, -2.00062864);
}

TEST(Adam, TwoSteps) {
  Adam adam;
  // m = 0.9m + 0.1g,  v = 0.999v + 0.001g²,  w -= 0.001·m̂ / (sqrt(v̂) + 1e-7),  m̂ = m / (1 - 0.9^t),
  // v̂ = v / (1 - 0.999^t). First element: m1 = 0.05, v1 = 2.5e-4, so m̂ = 0.5 and v̂ = 0.25;
  //   m2 = 0.095, v2 = 4.9975e-4, over 0.19 and 0.001999: again 0.5 and 0.25. Each step is
  //   0.001·0.5 / 0.5000001 = 9.999998e-4;  w = 1 - 1.9999996e-3 = 0.9980000004.
  // Second element, where eps outside the root matters: m̂ = 1e-4, v̂ = 1e-8 on both steps, so each
  //   step is 0.001·1e-4 / (1e-4 + 1e-7) = 9.99000999e-4;  w = -2.001998002. (Keras 3 adds eps to
  //   the uncorrected sqrt(v), which here would give -2.00194747.)
  expect_row(run(adam, 2), 0.9980000004, -2.001998002);
}

TEST(Optimizer, StateBelongsToTheFirstVariables) {
  RMSprop rmsprop;
  Variable a{row(1, 2)}, b{row(3, 4)};
  const std::vector<Matrix> grads = {row(1, 1)};
  ASSERT_TRUE(rmsprop.apply_gradients(grads, {&a}).ok());
  Status other = rmsprop.apply_gradients(grads, {&b});
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("other variables"), std::string::npos);
  EXPECT_EQ(b.value, row(3, 4));
}

TEST(Optimizer, GradientsMustMatchTheVariables) {
  Adam adam;
  Variable a{row(1, 2)};
  Status count = adam.apply_gradients(std::vector<Matrix>{}, {&a});
  ASSERT_FALSE(count.ok());
  EXPECT_EQ(count.error().message, "Adam.apply_gradients: 0 gradients for 1 variables");
  Status shape = adam.apply_gradients(std::vector<Matrix>{Matrix::Zero(2, 1)}, {&a});
  ASSERT_FALSE(shape.ok());
  EXPECT_EQ(shape.error().message,
            "Adam.apply_gradients: gradient 0 is [2,1] but its variable is [1,2]");
  EXPECT_EQ(adam.iterations(), 0);
  EXPECT_EQ(a.value, row(1, 2));
}

TEST(Optimizer, UpdatesEveryVariableInTheList) {
  SGD sgd(1.0);
  Variable a{row(1, 2)}, b{Matrix::Ones(2, 3)};
  const std::vector<Matrix> grads = {row(1, -1), Matrix::Constant(2, 3, 0.5f)};
  ASSERT_TRUE(sgd.apply_gradients(grads, {&a, &b}).ok());
  EXPECT_EQ(a.value, row(0, 3));
  EXPECT_EQ(b.value, Matrix::Constant(2, 3, 0.5f));
}

}  // namespace
}  // namespace gradtape
