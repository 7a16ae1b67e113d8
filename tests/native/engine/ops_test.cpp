// Every op: its forward value on a hand-worked case, and its gradient against finite differences.
#include "core/engine/ops.h"

#include <gtest/gtest.h>

#include "tests/native/engine/gradient_check.h"

namespace gradtape {
namespace {

using testing::matrix;

using testing::away_from_zero;
using testing::expect_gradients_match;
using testing::random_matrix;

// ---- Forward values, worked by hand ----

TEST(OpsForward, Matmul) {
  GradientTape tape;
  // [1 2; 3 4]·[5; 6] = [1·5 + 2·6; 3·5 + 4·6] = [17; 39]
  Var y =
      matmul(tape, tape.constant(matrix(2, 2, {1, 2, 3, 4})), tape.constant(matrix(2, 1, {5, 6})));
  EXPECT_EQ(tape.value(y), matrix(2, 1, {17, 39}));
}

TEST(OpsForward, BiasAddAddsTheRowToEveryRow) {
  GradientTape tape;
  Var y = bias_add(tape, tape.constant(matrix(2, 2, {1, 2, 3, 4})),
                   tape.constant(matrix(1, 2, {10, 20})));
  EXPECT_EQ(tape.value(y), matrix(2, 2, {11, 22, 13, 24}));
}

TEST(OpsForward, ElementwiseArithmetic) {
  GradientTape tape;
  Var a = tape.constant(matrix(1, 3, {1, -2, 3}));
  Var b = tape.constant(matrix(1, 3, {4, 5, -6}));
  EXPECT_EQ(tape.value(add(tape, a, b)), matrix(1, 3, {5, 3, -3}));
  EXPECT_EQ(tape.value(subtract(tape, a, b)), matrix(1, 3, {-3, -7, 9}));
  EXPECT_EQ(tape.value(multiply(tape, a, b)), matrix(1, 3, {4, -10, -18}));
}

TEST(OpsForward, Activations) {
  GradientTape tape;
  Var x = tape.constant(matrix(1, 3, {-1, 0, 2}));
  EXPECT_EQ(tape.value(relu(tape, x)), matrix(1, 3, {0, 0, 2}));
  // σ(-1) = 1 / (1 + e) = 0.268941421, σ(0) = 0.5, σ(2) = 1 / (1 + e^-2) = 0.880797078
  const Matrix s = tape.value(sigmoid(tape, x));
  EXPECT_FLOAT_EQ(s(0, 0), 0.268941421f);
  EXPECT_FLOAT_EQ(s(0, 1), 0.5f);
  EXPECT_FLOAT_EQ(s(0, 2), 0.880797078f);
  // tanh(-1) = -0.761594156, tanh(2) = 0.964027580
  const Matrix t = tape.value(tanh(tape, x));
  EXPECT_FLOAT_EQ(t(0, 0), -0.761594156f);
  EXPECT_FLOAT_EQ(t(0, 1), 0.f);
  EXPECT_FLOAT_EQ(t(0, 2), 0.964027580f);
  EXPECT_EQ(tape.value(activation(tape, x, Activation::linear)), tape.value(x));
}

TEST(OpsForward, LogExpClip) {
  GradientTape tape;
  Var x = tape.constant(matrix(1, 3, {0.5f, 1, 4}));
  // ln 0.5 = -0.693147181, ln 1 = 0, ln 4 = 1.386294361; e^0.5 = 1.648721271, e^4 = 54.59815003
  const Matrix l = tape.value(log(tape, x));
  EXPECT_FLOAT_EQ(l(0, 0), -0.693147181f);
  EXPECT_FLOAT_EQ(l(0, 1), 0.f);
  EXPECT_FLOAT_EQ(l(0, 2), 1.386294361f);
  const Matrix e = tape.value(exp(tape, x));
  EXPECT_FLOAT_EQ(e(0, 0), 1.648721271f);
  EXPECT_FLOAT_EQ(e(0, 2), 54.59815003f);
  EXPECT_EQ(tape.value(clip(tape, x, 0.75f, 2.f)), matrix(1, 3, {0.75f, 1, 2}));
}

TEST(OpsForward, MeanAndSumOverAllElements) {
  GradientTape tape;
  Var x = tape.constant(matrix(2, 2, {1, 2, 3, 6}));
  EXPECT_EQ(tape.value(sum(tape, x)), matrix(1, 1, {12}));
  EXPECT_EQ(tape.value(mean(tape, x)), matrix(1, 1, {3}));
}

TEST(OpsForward, DenseIsActivationOfMatmulPlusBias) {
  GradientTape tape;
  // [1 -1]·[1 2; 3 -4] + [0.5 0.5] = [1 - 3 + 0.5, 2 + 4 + 0.5] = [-1.5, 6.5] -> relu [0, 6.5]
  Var y =
      dense(tape, tape.constant(matrix(1, 2, {1, -1})), tape.constant(matrix(2, 2, {1, 2, 3, -4})),
            tape.constant(matrix(1, 2, {0.5f, 0.5f})), Activation::relu);
  EXPECT_EQ(tape.value(y), matrix(1, 2, {0, 6.5f}));
}

// ---- Gradients against finite differences ----

TEST(OpsGradient, Matmul) {
  Random random(1);
  expect_gradients_match(
      {random_matrix(3, 4, random), random_matrix(4, 2, random)},
      [](GradientTape& t, std::vector<Variable>& v) { return matmul(t, v[0], v[1]); });
}

TEST(OpsGradient, BiasAdd) {
  Random random(2);
  expect_gradients_match(
      {random_matrix(3, 4, random), random_matrix(1, 4, random)},
      [](GradientTape& t, std::vector<Variable>& v) { return bias_add(t, v[0], v[1]); });
}

TEST(OpsGradient, AddSubtractMultiply) {
  Random random(3);
  const std::vector<Matrix> inputs = {random_matrix(3, 2, random), random_matrix(3, 2, random)};
  expect_gradients_match(
      inputs, [](GradientTape& t, std::vector<Variable>& v) { return add(t, v[0], v[1]); });
  expect_gradients_match(
      inputs, [](GradientTape& t, std::vector<Variable>& v) { return subtract(t, v[0], v[1]); });
  expect_gradients_match(
      inputs, [](GradientTape& t, std::vector<Variable>& v) { return multiply(t, v[0], v[1]); });
}

TEST(OpsGradient, Relu) {
  Random random(4);
  expect_gradients_match({away_from_zero(3, 4, random)},
                         [](GradientTape& t, std::vector<Variable>& v) { return relu(t, v[0]); });
}

TEST(OpsGradient, SigmoidAndTanh) {
  Random random(5);
  const std::vector<Matrix> inputs = {random_matrix(3, 4, random, -3.0, 3.0)};
  expect_gradients_match(
      inputs, [](GradientTape& t, std::vector<Variable>& v) { return sigmoid(t, v[0]); });
  expect_gradients_match(inputs,
                         [](GradientTape& t, std::vector<Variable>& v) { return tanh(t, v[0]); });
}

TEST(OpsGradient, LogAndExp) {
  Random random(6);
  expect_gradients_match({random_matrix(3, 4, random, 0.5, 2.0)},
                         [](GradientTape& t, std::vector<Variable>& v) { return log(t, v[0]); });
  expect_gradients_match({random_matrix(3, 4, random)},
                         [](GradientTape& t, std::vector<Variable>& v) { return exp(t, v[0]); });
}

TEST(OpsGradient, ClipPassesGradientOnlyInsideTheBounds) {
  // Values from -1.9 to 1.9, none within the step of the bounds ±1.
  const Matrix x = matrix(2, 4, {-1.9f, -1.2f, -0.8f, -0.1f, 0.3f, 0.9f, 1.1f, 1.9f});
  expect_gradients_match(
      {x}, [](GradientTape& t, std::vector<Variable>& v) { return clip(t, v[0], -1.f, 1.f); },
      0.05);
  // At a bound the gradient passes, as tfjs' where(lo <= x <= hi, dy, 0) lets it.
  Variable at_bounds{matrix(1, 4, {-1, 1, -1.5f, 0})};
  GradientTape tape;
  Result<Gradients> grads =
      tape.gradient(sum(tape, clip(tape, at_bounds, -1.f, 1.f)), {&at_bounds});
  ASSERT_TRUE(grads.ok());
  EXPECT_EQ((*grads)[0], matrix(1, 4, {1, 1, 0, 1}));
}

TEST(OpsGradient, MeanAndSum) {
  Random random(7);
  expect_gradients_match({random_matrix(3, 4, random)},
                         [](GradientTape& t, std::vector<Variable>& v) { return mean(t, v[0]); });
  expect_gradients_match({random_matrix(3, 4, random)},
                         [](GradientTape& t, std::vector<Variable>& v) { return sum(t, v[0]); });
}

TEST(OpsGradient, DenseWithEveryActivation) {
  Random random(8);
  const Matrix x = random_matrix(5, 3, random);
  const Matrix kernel = random_matrix(3, 4, random);
  const Matrix bias = random_matrix(1, 4, random);
  for (Activation kind :
       {Activation::linear, Activation::sigmoid, Activation::tanh, Activation::softmax}) {
    SCOPED_TRACE(activation_name(kind));
    expect_gradients_match({x, kernel, bias}, [kind](GradientTape& t, std::vector<Variable>& v) {
      return dense(t, v[0], v[1], v[2], kind);
    });
  }
}

TEST(OpsGradient, DenseWithRelu) {
  Random random(9);
  const Matrix x = random_matrix(5, 3, random);
  const Matrix kernel = random_matrix(3, 4, random);
  const Matrix bias = random_matrix(1, 4, random);
  // The check needs every pre-activation clear of relu's kink by more than a step's effect.
  const Matrix z = (x * kernel).rowwise() + bias.row(0);
  ASSERT_GT(z.cwiseAbs().minCoeff(), 0.02f);
  expect_gradients_match(
      {x, kernel, bias},
      [](GradientTape& t, std::vector<Variable>& v) {
        return dense(t, v[0], v[1], v[2], Activation::relu);
      },
      1e-3, 5e-3);
}

TEST(OpsGradient, FusedDenseEqualsTheComposedOps) {
  Random random(10);
  Variable kernel{random_matrix(3, 4, random)}, bias{random_matrix(1, 4, random)};
  const Matrix x = random_matrix(6, 3, random);
  for (Activation kind : {Activation::linear, Activation::relu, Activation::sigmoid,
                          Activation::tanh, Activation::softmax}) {
    SCOPED_TRACE(activation_name(kind));
    GradientTape fused, composed;
    Var a = dense(fused, fused.constant(x), kernel, bias, kind);
    Var b = activation(
        composed, bias_add(composed, matmul(composed, composed.constant(x), kernel), bias), kind);
    const Matrix fused_value = fused.value(a), composed_value = composed.value(b);
    EXPECT_TRUE(fused_value.isApprox(composed_value, 1e-6f));
    Result<Gradients> ga = fused.gradient(sum(fused, a), {&kernel, &bias});
    Result<Gradients> gb = composed.gradient(sum(composed, b), {&kernel, &bias});
    ASSERT_TRUE(ga.ok() && gb.ok());
    EXPECT_TRUE((*ga)[0].isApprox((*gb)[0], 1e-6f));
    EXPECT_TRUE((*ga)[1].isApprox((*gb)[1], 1e-6f));
  }
}

}  // namespace
}  // namespace gradtape
