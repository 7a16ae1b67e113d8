// The losses with row weights (class weights become these): hand-worked sums Σ w·l / n, weights
// of 1 giving exactly the unweighted numbers and gradients, each row's gradient scaled by its
// weight, gradients against finite differences, and weights of the wrong shape an error.
#include <gtest/gtest.h>

#include "core/engine/losses.h"
#include "tests/native/engine/gradient_check.h"

namespace gradtape {
namespace {

using testing::column;
using testing::expect_gradients_match;
using testing::matrix;
using testing::random_matrix;

TEST(WeightedLosses, HandWorkedBatches) {
  const Matrix w = column({2.f, 0.5f});
  // (2 · -ln 0.8 + 0.5 · -ln 0.7) / 2 = (0.446287103 + 0.178337472) / 2 = 0.312312287
  EXPECT_NEAR(binary_crossentropy(column({0.8f, 0.3f}), column({1, 0}), &w), 0.312312287, 1e-7);
  // (1 · -ln 0.7 + 3 · -ln 0.3) / 2 = (0.356674944 + 3.611918413) / 2 = 1.984296678
  const Matrix w13 = column({1.f, 3.f});
  EXPECT_NEAR(sparse_categorical_crossentropy(matrix(2, 3, {0.7f, 0.2f, 0.1f, 0.1f, 0.6f, 0.3f}),
                                              column({0, 2}), &w13),
              1.984296678, 1e-6);
  // (2 · 0.25 + 0.5 · 4) / 2 = 1.25
  EXPECT_FLOAT_EQ(mean_squared_error(column({0.5f, 2.f}), column({1.f, 0.f}), &w), 1.25f);
}

// The loss and the gradient of `probs` under `loss` with the given weights (nullptr: none).
template <class Loss>
std::pair<float, Matrix> loss_and_gradient(Loss loss, const Matrix& probs, const Matrix* w) {
  Variable p{probs};
  GradientTape tape;
  Var l = loss(tape, Var(p), w);
  Result<Gradients> grads = tape.gradient(l, {&p});
  EXPECT_TRUE(grads.ok());
  return {tape.value(l)(0, 0), grads.ok() ? (*grads)[0] : Matrix()};
}

TEST(WeightedLosses, UnitWeightsGiveTheUnweightedBitsAndEachRowScalesByItsWeight) {
  Random random(31);
  const Matrix probs = random_matrix(8, 1, random, 0.05, 0.95);
  const Matrix targets =
      (random_matrix(8, 1, random, 0.0, 1.0).array() > 0.5f).cast<float>().matrix();
  const Matrix softmax = [&] {
    Matrix p = random_matrix(8, 3, random, 0.1, 1.0);
    for (Index i = 0; i < p.rows(); ++i) p.row(i) /= p.row(i).sum();
    return p;
  }();
  const Matrix labels = column({0, 1, 2, 1, 0, 2, 2, 1});
  const Matrix ones = Matrix::Ones(8, 1);
  const Matrix w = random_matrix(8, 1, random, 0.2, 4.0);

  auto bce = [&](GradientTape& t, Var p, const Matrix* rw) {
    return binary_crossentropy(t, p, targets, rw);
  };
  auto sce = [&](GradientTape& t, Var p, const Matrix* rw) {
    return sparse_categorical_crossentropy(t, p, labels, rw);
  };
  auto mse = [&](GradientTape& t, Var p, const Matrix* rw) {
    return mean_squared_error(t, p, targets, rw);
  };
  auto check = [&](const char* name, auto loss, const Matrix& input) {
    const auto [plain, plain_grad] = loss_and_gradient(loss, input, nullptr);
    const auto [unit, unit_grad] = loss_and_gradient(loss, input, &ones);
    EXPECT_EQ(plain, unit) << name;
    EXPECT_EQ(plain_grad, unit_grad) << name;
    const auto [weighted, weighted_grad] = loss_and_gradient(loss, input, &w);
    for (Index i = 0; i < input.rows(); ++i) {
      for (Index j = 0; j < input.cols(); ++j) {
        EXPECT_NEAR(weighted_grad(i, j), w(i, 0) * plain_grad(i, j), 1e-6) << name << " row " << i;
      }
    }
    EXPECT_NE(weighted, plain) << name;
  };
  check("binary_crossentropy", bce, probs);
  check("sparse_categorical_crossentropy", sce, softmax);
  check("mean_squared_error", mse, probs);
}

TEST(WeightedLosses, GradientsMatchFiniteDifferences) {
  Random random(32);
  const Matrix probs = random_matrix(6, 1, random, 0.1, 0.9);
  const Matrix targets = random_matrix(6, 1, random, 0.0, 1.0);
  const Matrix w = random_matrix(6, 1, random, 0.5, 3.0);
  expect_gradients_match(
      {probs, targets},
      [&](GradientTape& t, std::vector<Variable>& v) {
        return binary_crossentropy(t, v[0], v[1], &w);
      },
      1e-3);
  const Matrix predictions = random_matrix(6, 2, random, -2.0, 2.0);
  const Matrix values = random_matrix(6, 2, random, -2.0, 2.0);
  expect_gradients_match({predictions}, [&](GradientTape& t, std::vector<Variable>& v) {
    return mean_squared_error(t, v[0], values, &w);
  });
}

TEST(WeightedLosses, WeightsOfTheWrongShapeAreAnError) {
  GradientTape tape;
  const Matrix three = Matrix::Ones(3, 1);
  binary_crossentropy(tape, tape.constant(Matrix::Zero(2, 1)), Matrix::Zero(2, 1), &three);
  ASSERT_FALSE(tape.ok());
  EXPECT_NE(tape.error().message.find("row weights"), std::string::npos) << tape.error().message;
}

}  // namespace
}  // namespace gradtape
