// The binary cross-entropy losses: hand-worked values, the float32 clip and its zero gradient,
// tape and no-tape agreement, and gradients against finite differences.
#include "core/engine/losses.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/engine/ops.h"
#include "tests/native/engine/gradient_check.h"

namespace gradtape {
namespace {

using testing::expect_gradients_match;
using testing::random_matrix;

Matrix column(std::initializer_list<float> values) {
  Matrix m(static_cast<Index>(values.size()), 1);
  std::copy(values.begin(), values.end(), m.data());
  return m;
}

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

TEST(BinaryCrossentropy, TapeAndNoTapeGiveTheSameNumber) {
  Random random(11);
  const Matrix probs = random_matrix(32, 1, random, 0.0, 1.0);
  Matrix targets = random_matrix(32, 1, random, 0.0, 1.0);
  targets = (targets.array() > 0.5f).cast<float>().matrix();
  GradientTape tape;
  Var loss = binary_crossentropy(tape, tape.constant(probs), targets);
  EXPECT_EQ(tape.value(loss)(0, 0), binary_crossentropy(probs, targets));
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

TEST(SigmoidCrossEntropyWithLogits, TapeAndNoTapeGiveTheSameNumber) {
  Random random(14);
  const Matrix logits = random_matrix(8, 2, random, -3.0, 3.0);
  const Matrix labels = random_matrix(8, 2, random, 0.0, 1.0);
  GradientTape tape;
  Var loss = sigmoid_cross_entropy_with_logits(tape, tape.constant(logits), labels);
  EXPECT_EQ(tape.value(loss)(0, 0), sigmoid_cross_entropy_with_logits(logits, labels));
}

TEST(SigmoidCrossEntropyWithLogits, GradientsMatchFiniteDifferences) {
  Random random(15);
  const Matrix logits = random_matrix(6, 1, random, -3.0, 3.0);
  const Matrix labels = random_matrix(6, 1, random, 0.0, 1.0);
  expect_gradients_match({logits, labels}, [](GradientTape& t, std::vector<Variable>& v) {
    return sigmoid_cross_entropy_with_logits(t, v[0], v[1]);
  });
}

}  // namespace
}  // namespace gradtape
