// The binary cross-entropy losses: hand-worked values, the float32 clip and its zero gradient,
// tape and no-tape agreement, and gradients against finite differences.
#include "core/engine/losses.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/engine/ops.h"
#include "tests/native/engine/gradient_check.h"

namespace gradtape {
namespace {

using testing::column;
using testing::matrix;

using testing::expect_gradients_match;
using testing::random_matrix;

TEST(BinaryCrossentropy, HandWorkedBatch) {
  // -(ln 0.8 + ln(1 - 0.3)) / 2 = (0.223143551 + 0.356674944) / 2 = 0.289909248
  EXPECT_NEAR(binary_crossentropy(column({0.8f, 0.3f}), column({1, 0})), 0.289909248, 1e-7);
}

TEST(BinaryCrossentropy, ClipsToTheFloat32Bounds) {
  // p = 1 with t = 0 is clipped to float(1 - 1e-7) = 0.99999988, whose complement is 2^-23:
  // the loss is ln(2^23) = 15.9423847, not -ln(1e-7) = 16.118.
  EXPECT_NEAR(binary_crossentropy(column({1.f}), column({0})), 15.9423847, 1e-5);
  // p = 0 with t = 1 is clipped to float(1e-7): -ln(1.00000001e-7) = 16.1180954.
  EXPECT_NEAR(binary_crossentropy(column({0.f}), column({1})), 16.1180954, 1e-5);
  // Correct and certain: nearly zero either way.
  EXPECT_NEAR(binary_crossentropy(column({0.f, 1.f}), column({0, 1})), 1.1e-7, 1e-7);
}

TEST(BinaryCrossentropy, NoGradientWhereTheProbabilityWasClipped) {
  // Both bounds themselves are inside (tfjs: lo <= p <= hi passes the gradient).
  const float lo = static_cast<float>(1e-7), hi = static_cast<float>(1.0 - 1e-7);
  Variable probs{column({0.f, 1e-9f, 1.f, lo, hi, 0.25f})};
  GradientTape tape;
  Result<Gradients> grads =
      tape.gradient(binary_crossentropy(tape, probs, column({1, 1, 0, 0, 1, 1})), {&probs});
  ASSERT_TRUE(grads.ok());
  const Matrix& g = (*grads)[0];
  EXPECT_EQ(g(0, 0), 0.f);
  EXPECT_EQ(g(1, 0), 0.f);
  EXPECT_EQ(g(2, 0), 0.f);
  // dL/dp = (p - t) / (p(1 - p)) / n:  at lo with t = 0, 1 / (1 - lo) / 6
  EXPECT_NEAR(g(3, 0), 1.0 / (1.0 - lo) / 6.0, 1e-7);
  // at hi with t = 1, -1 / hi / 6;  at 0.25 with t = 1, (0.25 - 1) / (0.25 · 0.75) / 6 = -2/3
  EXPECT_NEAR(g(4, 0), -1.0 / hi / 6.0, 1e-7);
  EXPECT_NEAR(g(5, 0), -2.0 / 3.0, 1e-6);
}

TEST(BinaryCrossentropy, GradientsMatchFiniteDifferences) {
  Random random(12);
  const Matrix probs = random_matrix(6, 1, random, 0.1, 0.9);
  const Matrix targets = random_matrix(6, 1, random, 0.0, 1.0);
  expect_gradients_match(
      {probs, targets},
      [](GradientTape& t, std::vector<Variable>& v) { return binary_crossentropy(t, v[0], v[1]); },
      1e-3);
}

TEST(BinaryCrossentropy, ShapeMismatchIsAnError) {
  GradientTape tape;
  binary_crossentropy(tape, tape.constant(Matrix::Zero(32, 1)), Matrix::Zero(30, 1));
  ASSERT_FALSE(tape.ok());
  EXPECT_EQ(tape.error().message,
            "binary_crossentropy: incompatible shapes [32,1] and [30,1] (probabilities and targets "
            "must have the same shape)");
}

TEST(SigmoidCrossEntropyWithLogits, HandWorkedValues) {
  // z = 0: ln 2 = 0.693147181 whatever t;  z = 2, t = 1: ln(1 + e^-2) = 0.126928011;
  // z = -3, t = 1: 3 + ln(1 + e^-3) = 3.048587352.  Mean of the three with z = 0 = 1.289554181.
  EXPECT_NEAR(sigmoid_cross_entropy_with_logits(column({0}), column({1})), 0.693147181, 1e-7);
  EXPECT_NEAR(sigmoid_cross_entropy_with_logits(column({0, 2, -3}), column({1, 1, 1})), 1.289554181,
              1e-6);
}

TEST(SigmoidCrossEntropyWithLogits, AgreesWithBinaryCrossentropyOfTheSigmoid) {
  Random random(13);
  const Matrix logits = random_matrix(16, 1, random, -4.0, 4.0);
  Matrix targets = (random_matrix(16, 1, random, 0.0, 1.0).array() > 0.5f).cast<float>().matrix();
  GradientTape tape;
  const Matrix& probs = tape.value(sigmoid(tape, tape.constant(logits)));
  EXPECT_NEAR(sigmoid_cross_entropy_with_logits(logits, targets),
              binary_crossentropy(probs, targets), 1e-6);
}

TEST(SigmoidCrossEntropyWithLogits, GradientsMatchFiniteDifferences) {
  Random random(15);
  const Matrix logits = random_matrix(6, 1, random, -3.0, 3.0);
  const Matrix labels = random_matrix(6, 1, random, 0.0, 1.0);
  expect_gradients_match({logits, labels}, [](GradientTape& t, std::vector<Variable>& v) {
    return sigmoid_cross_entropy_with_logits(t, v[0], v[1]);
  });
}

TEST(SparseCategoricalCrossentropy, HandWorkedBatch) {
  // Rows already sum to 1, so the division changes nothing: -(ln 0.7 + ln 0.5) / 2
  // = (0.356674944 + 0.693147181) / 2 = 0.524911062.
  const Matrix probs = matrix(2, 3, {0.7f, 0.2f, 0.1f, 0.25f, 0.25f, 0.5f});
  const Matrix labels = matrix(2, 1, {0, 2});
  EXPECT_NEAR(sparse_categorical_crossentropy(probs, labels), 0.524911062, 1e-7);
}

TEST(SparseCategoricalCrossentropy, ClipsThenDividesByTheRowSum) {
  // [0, 0.5, 0.5] clips to [1e-7, 0.5, 0.5], sums to 1.0000001, so p[1] = 0.49999995:
  // -ln 0.49999995 = 0.693147281. A certain, right answer clips to 1 - 1e-7: about 1.19e-7.
  EXPECT_NEAR(sparse_categorical_crossentropy(matrix(1, 3, {0.f, 0.5f, 0.5f}), matrix(1, 1, {1})),
              0.693147281, 2e-7);
  EXPECT_NEAR(sparse_categorical_crossentropy(matrix(1, 2, {1.f, 0.f}), matrix(1, 1, {0})), 1.19e-7,
              1e-7);
}

TEST(SparseCategoricalCrossentropy, GradientsThroughSoftmaxMatchFiniteDifferences) {
  Random random(22);
  const Matrix logits = random_matrix(5, 3, random, -2.0, 2.0);
  const Matrix labels = matrix(5, 1, {0, 2, 1, 1, 0});
  expect_gradients_match({logits}, [&](GradientTape& t, std::vector<Variable>& v) {
    return sparse_categorical_crossentropy(t, activation(t, v[0], Activation::softmax), labels);
  });
}

TEST(SparseCategoricalCrossentropy, GradientsOfUnnormalisedProbabilitiesMatchFiniteDifferences) {
  Random random(23);
  const Matrix probs = random_matrix(4, 3, random, 0.1, 0.9);  // rows do not sum to 1
  const Matrix labels = matrix(4, 1, {2, 0, 1, 2});
  expect_gradients_match({probs}, [&](GradientTape& t, std::vector<Variable>& v) {
    return sparse_categorical_crossentropy(t, v[0], labels);
  });
}

TEST(SparseCategoricalCrossentropy, SoftmaxAndLossTogetherGiveProbabilitiesMinusTheLabel) {
  // d mean(-ln softmax(z)[y]) / dz = (softmax(z) - onehot(y)) / n, here n = 1.
  Variable logits{matrix(1, 3, {1.f, 2.f, 0.5f})};
  GradientTape tape;
  Var probs = activation(tape, logits, Activation::softmax);
  Result<Gradients> grads =
      tape.gradient(sparse_categorical_crossentropy(tape, probs, matrix(1, 1, {1})), {&logits});
  ASSERT_TRUE(grads.ok());
  const Matrix& p = tape.value(probs);
  EXPECT_NEAR((*grads)[0](0, 0), p(0, 0), 1e-6);
  EXPECT_NEAR((*grads)[0](0, 1), p(0, 1) - 1.f, 1e-6);
  EXPECT_NEAR((*grads)[0](0, 2), p(0, 2), 1e-6);
}

TEST(MeanSquaredError, HandWorkedBatch) {
  // ((0.5 - 1)² + (2 - 0)²) / 2 = (0.25 + 4) / 2 = 2.125
  EXPECT_FLOAT_EQ(mean_squared_error(column({0.5f, 2.f}), column({1.f, 0.f})), 2.125f);
  // Two outputs per row: each row's mean first: ((1 + 0) / 2 + (0 + 4) / 2) / 2 = 1.25.
  EXPECT_FLOAT_EQ(mean_squared_error(matrix(2, 2, {1, 0, 0, 2}), matrix(2, 2, {0, 0, 0, 0})),
                  1.25f);
}

TEST(MeanSquaredError, GradientsMatchFiniteDifferences) {
  Random random(25);
  const Matrix predictions = random_matrix(6, 2, random, -2.0, 2.0);
  const Matrix targets = random_matrix(6, 2, random, -2.0, 2.0);
  expect_gradients_match({predictions}, [&](GradientTape& t, std::vector<Variable>& v) {
    return mean_squared_error(t, v[0], targets);
  });
}

TEST(MeanSquaredError, AnInputUsedTwiceGetsBothGradients) {
  // l = mean((x - x·0)² ...): with the prediction x and the target 0, dl/dx = 2x / n; using x
  // twice through add(x, x) doubles it: d mean((2x)²) / dx = 8x / n.
  Variable x{column({0.5f, -1.f})};
  GradientTape tape;
  Result<Gradients> grads =
      tape.gradient(mean_squared_error(tape, add(tape, x, x), column({0, 0})), {&x});
  ASSERT_TRUE(grads.ok());
  EXPECT_FLOAT_EQ((*grads)[0](0, 0), 8 * 0.5f / 2);
  EXPECT_FLOAT_EQ((*grads)[0](1, 0), 8 * -1.f / 2);
}

// Each loss's tape op and its no-tape twin (for validation batches) give the same float.
TEST(Losses, TapeOpsAndTheirNoTapeTwinsGiveTheSameNumber) {
  Random random(11);
  auto agree = [](const char* name, auto on_tape, auto plain, const Matrix& output,
                  const Matrix& targets) {
    GradientTape tape;
    EXPECT_EQ(tape.value(on_tape(tape, tape.constant(output), targets))(0, 0),
              plain(output, targets))
        << name;
  };
  const Matrix probs = random_matrix(32, 1, random, 0.0, 1.0);
  const Matrix labels =
      (random_matrix(32, 1, random, 0.0, 1.0).array() > 0.5f).cast<float>().matrix();
  agree(
      "binary_crossentropy",
      [](GradientTape& t, Var p, const Matrix& y) { return binary_crossentropy(t, p, y); },
      [](const Matrix& p, const Matrix& y) { return binary_crossentropy(p, y); }, probs, labels);
  agree(
      "sigmoid_cross_entropy_with_logits",
      [](GradientTape& t, Var z, const Matrix& y) {
        return sigmoid_cross_entropy_with_logits(t, z, y);
      },
      [](const Matrix& z, const Matrix& y) { return sigmoid_cross_entropy_with_logits(z, y); },
      random_matrix(8, 2, random, -3.0, 3.0), random_matrix(8, 2, random, 0.0, 1.0));
  Matrix rows = random_matrix(16, 4, random, 0.05, 1.0);
  for (Index i = 0; i < rows.rows(); ++i) rows.row(i) /= rows.row(i).sum();
  Matrix classes(16, 1);
  for (Index i = 0; i < 16; ++i) classes(i, 0) = static_cast<float>(random.below(4));
  agree(
      "sparse_categorical_crossentropy",
      [](GradientTape& t, Var p, const Matrix& y) {
        return sparse_categorical_crossentropy(t, p, y);
      },
      [](const Matrix& p, const Matrix& y) { return sparse_categorical_crossentropy(p, y); }, rows,
      classes);
  agree(
      "mean_squared_error",
      [](GradientTape& t, Var p, const Matrix& y) { return mean_squared_error(t, p, y); },
      [](const Matrix& p, const Matrix& y) { return mean_squared_error(p, y); },
      random_matrix(32, 1, random, -2.0, 2.0), random_matrix(32, 1, random, -2.0, 2.0));
}

}  // namespace
}  // namespace gradtape
