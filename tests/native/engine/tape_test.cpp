// GradientTape itself: watching, accumulation, unused sources, one-shot and persistent tapes,
// reset() and storage reuse, and errors as values.
#include "core/engine/tape.h"

#include <gtest/gtest.h>

#include <string>

#include "core/engine/ops.h"
#include "tests/native/engine/gradient_check.h"

namespace gradtape {
namespace {

using testing::matrix;

TEST(GradientTape, ValueUsedTwiceGetsBothContributions) {
  Variable x{matrix(1, 3, {1, -2, 3})};
  GradientTape tape(/*persistent=*/true);
  // d/dx Σ(x + x) = 2
  Result<Gradients> sum_grads = tape.gradient(sum(tape, add(tape, x, x)), {&x});
  ASSERT_TRUE(sum_grads.ok());
  EXPECT_EQ((*sum_grads)[0], matrix(1, 3, {2, 2, 2}));
  // d/dx Σ x⊙x = 2x
  Result<Gradients> square_grads = tape.gradient(sum(tape, multiply(tape, x, x)), {&x});
  ASSERT_TRUE(square_grads.ok());
  EXPECT_EQ((*square_grads)[0], matrix(1, 3, {2, -4, 6}));
}

TEST(GradientTape, VariableReadByTwoOpsAccumulates) {
  Variable w{matrix(2, 1, {0.5f, -1})};
  GradientTape tape;
  Var a = tape.constant(matrix(1, 2, {1, 2}));
  Var b = tape.constant(matrix(1, 2, {3, 5}));
  // L = a·w + b·w, so dL/dw = aᵀ + bᵀ = [4; 7]; the variable is watched once.
  Var loss = add(tape, matmul(tape, a, w), matmul(tape, b, w));
  EXPECT_EQ(tape.size(), 6u);  // a, b, w, two matmuls, add
  Result<Gradients> grads = tape.gradient(loss, {&w});
  ASSERT_TRUE(grads.ok());
  EXPECT_EQ((*grads)[0], matrix(2, 1, {4, 7}));
}

TEST(GradientTape, UnusedAndNonTrainableSourcesGetZerosShapedLikeThem) {
  Variable used{matrix(1, 2, {1, 2})};
  Variable unused{matrix(3, 4, {})};
  unused.value.setConstant(7);
  Variable frozen{matrix(1, 2, {3, 4}), /*trainable=*/false};
  GradientTape tape;
  Var loss = sum(tape, multiply(tape, used, frozen));
  Result<Gradients> grads = tape.gradient(loss, {&unused, &used, &frozen});
  ASSERT_TRUE(grads.ok());
  ASSERT_EQ(grads->size(), 3u);
  EXPECT_EQ((*grads)[0], Matrix::Zero(3, 4));
  EXPECT_EQ((*grads)[1], matrix(1, 2, {3, 4}));
  EXPECT_EQ((*grads)[2], Matrix::Zero(1, 2));
}

TEST(GradientTape, SourceListedTwiceGetsTheSameGradientTwice) {
  Variable x{matrix(1, 2, {1, 2})};
  GradientTape tape;
  Result<Gradients> grads = tape.gradient(sum(tape, multiply(tape, x, x)), {&x, &x});
  ASSERT_TRUE(grads.ok());
  EXPECT_EQ((*grads)[0], matrix(1, 2, {2, 4}));
  EXPECT_EQ((*grads)[1], matrix(1, 2, {2, 4}));
}

TEST(GradientTape, NonScalarTargetIsDifferentiatedAsItsSum) {
  Variable x{matrix(2, 2, {1, 2, 3, 4})};
  GradientTape tape;
  Result<Gradients> grads =
      tape.gradient(multiply(tape, x, tape.constant(matrix(2, 2, {5, 6, 7, 8}))), {&x});
  ASSERT_TRUE(grads.ok());
  EXPECT_EQ((*grads)[0], matrix(2, 2, {5, 6, 7, 8}));
}

TEST(GradientTape, ConstantCopiesItsValue) {
  Matrix data = matrix(1, 2, {1, 2});
  GradientTape tape;
  Var c = tape.constant(data);
  data(0, 0) = 100;
  EXPECT_EQ(tape.value(c), matrix(1, 2, {1, 2}));
}

TEST(GradientTape, OneShotTapeRefusesASecondCall) {
  Variable x{matrix(1, 1, {3})};
  GradientTape tape;
  Var y = multiply(tape, x, x);
  ASSERT_TRUE(tape.gradient(y, {&x}).ok());
  Result<Gradients> again = tape.gradient(y, {&x});
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("persistent"), std::string::npos) << again.error().message;
}

TEST(GradientTape, PersistentTapeGivesTheSameGradientsAgain) {
  Variable x{matrix(1, 1, {3})};
  GradientTape tape(/*persistent=*/true);
  Var y = multiply(tape, x, x);
  for (int call = 0; call < 3; ++call) {
    Result<Gradients> grads = tape.gradient(y, {&x});
    ASSERT_TRUE(grads.ok());
    EXPECT_EQ((*grads)[0](0, 0), 6.f);  // d(x²)/dx = 2·3
  }
}

TEST(GradientTape, ResetArmsTheTapeAndReusesItsStorage) {
  Variable w{matrix(2, 2, {1, 2, 3, 4})};
  GradientTape tape;
  const float* output_storage = nullptr;
  const float* gradient_storage[2] = {nullptr, nullptr};
  for (int step = 0; step < 4; ++step) {
    tape.reset();
    Var y = matmul(tape, tape.constant(matrix(3, 2, {1, 0, 0, 1, 1, 1})), w);
    Result<Gradients> grads = tape.gradient(sum(tape, y), {&w});
    ASSERT_TRUE(grads.ok());
    // d Σ(x·w) / dw = xᵀ·1 = column sums of x, repeated over w's columns: [2 2; 2 2]
    EXPECT_EQ((*grads)[0], matrix(2, 2, {2, 2, 2, 2}));
    if (step == 0) output_storage = tape.value(y).data();
    EXPECT_EQ(tape.value(y).data(), output_storage);
    // The gradient alternates between two buffers (the result and the leaf's adjoint): no new ones.
    if (step < 2) gradient_storage[step] = (*grads)[0].data();
    EXPECT_EQ((*grads)[0].data(), gradient_storage[step % 2]);
  }
}

TEST(GradientTape, ShapeErrorNamesTheOpAndBothShapes) {
  GradientTape tape;
  Var a = tape.constant(Matrix::Zero(2, 3));
  Var b = tape.constant(Matrix::Zero(4, 5));
  Var y = matmul(tape, a, b);
  EXPECT_FALSE(tape.ok());
  // Later ops still run on a zero placeholder; the first error is the one kept.
  Var z = add(tape, y, tape.constant(Matrix::Zero(7, 7)));
  EXPECT_EQ(tape.rows(y), 2);
  EXPECT_EQ(tape.cols(y), 5);
  Variable unused{Matrix::Zero(1, 1)};
  Result<Gradients> grads = tape.gradient(sum(tape, z), {&unused});
  ASSERT_FALSE(grads.ok());
  const std::string& message = grads.error().message;
  EXPECT_EQ(message,
            "matmul: incompatible shapes [2,3] and [4,5] (columns of a must equal rows of b)");
  tape.reset();
  EXPECT_TRUE(tape.ok());
}

TEST(GradientTape, ElementwiseShapeErrors) {
  GradientTape tape;
  Var a = tape.constant(Matrix::Zero(32, 1));
  Var b = tape.constant(Matrix::Zero(32, 2));
  subtract(tape, a, b);
  ASSERT_FALSE(tape.ok());
  EXPECT_EQ(tape.error().message,
            "subtract: incompatible shapes [32,1] and [32,2] (a and b must have the same shape)");
  tape.reset();
  bias_add(tape, tape.constant(Matrix::Zero(32, 2)), tape.constant(Matrix::Zero(2, 2)));
  ASSERT_FALSE(tape.ok());
  EXPECT_EQ(tape.error().message,
            "bias_add: incompatible shapes [32,2] and [2,2] (the bias must be [1, columns of x])");
}

TEST(GradientTape, TargetFromBeforeResetIsAnError) {
  Variable x{matrix(1, 1, {1})};
  GradientTape tape;
  Var y = multiply(tape, x, x);
  tape.reset();
  Result<Gradients> grads = tape.gradient(y, {&x});
  ASSERT_FALSE(grads.ok());
  EXPECT_NE(grads.error().message.find("not recorded"), std::string::npos);
  EXPECT_FALSE(tape.gradient(Var(), {&x}).ok());
}

TEST(GradientTape, TargetThatIsAVariableHasGradientOneForItself) {
  Variable x{matrix(1, 2, {5, 6})};
  Variable other{matrix(1, 1, {1})};
  GradientTape tape;
  Result<Gradients> grads = tape.gradient(x, {&x, &other});
  ASSERT_TRUE(grads.ok());
  EXPECT_EQ((*grads)[0], matrix(1, 2, {1, 1}));
  EXPECT_EQ((*grads)[1], Matrix::Zero(1, 1));
}

}  // namespace
}  // namespace gradtape
