// Dense, Sequential and the initializers: the trace's initial weights bit for bit from the seed,
// predict() against the tape's forward pass, and the weights API.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/engine/dense.h"
#include "core/engine/initializers.h"
#include "core/engine/sequential.h"
#include "tests/native/engine/gradient_check.h"
#include "tests/native/test_data.h"

namespace gradtape {
namespace {

using testing::random_matrix;

Sequential heart_model(Random& random) {
  Sequential model;
  EXPECT_TRUE(model.add(Dense(11, 64, Activation::relu, random)).ok());
  EXPECT_TRUE(model.add(Dense(64, 64, Activation::relu, random)).ok());
  EXPECT_TRUE(model.add(Dense(64, 1, Activation::sigmoid, random)).ok());
  return model;
}

TEST(Initializers, ReproduceTheTraceInitialWeightsBitForBit) {
  GRADTAPE_REQUIRE_TRACE(trace, "heart_tfjs_trace_2epochs.json");
  Random random(trace["meta"]["seed"].get<std::uint32_t>());
  random.permutation(918);  // the split's 917 draws come first
  Sequential model = heart_model(random);
  const auto& layers = trace["initial_weights"];
  ASSERT_EQ(layers.size(), model.layers().size());
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const Dense& layer = model.layers()[l];
    const auto& kernel = layers[l]["kernel"];
    ASSERT_EQ(static_cast<Index>(kernel.size()), layer.input_dim());
    for (Index i = 0; i < layer.input_dim(); ++i) {
      ASSERT_EQ(static_cast<Index>(kernel[i].size()), layer.units());
      for (Index j = 0; j < layer.units(); ++j) {
        ASSERT_EQ(layer.kernel().value(i, j), kernel[i][j].get<float>())
            << "layer " << l << " kernel[" << i << "][" << j << "]";
      }
    }
    for (Index j = 0; j < layer.units(); ++j) {
      ASSERT_EQ(layer.bias().value(0, j), layers[l]["bias"][j].get<float>());
    }
  }
}

TEST(Initializers, StayWithinTheirLimits) {
  Random random(21);
  const Matrix glorot = initialize_kernel(11, 64, Initializer::glorot_uniform, random);
  const Matrix he = initialize_kernel(11, 64, Initializer::he_uniform, random);
  // Glorot: sqrt(6 / (11 + 64)) = 0.282842712;  He: sqrt(6 / 11) = 0.738548946
  EXPECT_LE(glorot.cwiseAbs().maxCoeff(), 0.282842712f);
  EXPECT_GT(glorot.cwiseAbs().maxCoeff(), 0.25f);
  EXPECT_LE(he.cwiseAbs().maxCoeff(), 0.738548946f);
  EXPECT_GT(he.cwiseAbs().maxCoeff(), 0.65f);
}

TEST(Initializers, ZerosDrawsNothing) {
  Random used(5), fresh(5);
  EXPECT_EQ(initialize_kernel(3, 4, Initializer::zeros, used), Matrix::Zero(3, 4));
  EXPECT_EQ(used.next_u32(), fresh.next_u32());
}

TEST(Initializers, ParseNames) {
  EXPECT_EQ(*parse_initializer("he_uniform"), Initializer::he_uniform);
  Result<Initializer> bad = parse_initializer("orthogonal");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "initializer");
  EXPECT_EQ(*parse_activation("tanh"), Activation::tanh);
  EXPECT_FALSE(parse_activation("softmax").ok());
}

TEST(Dense, StartsWithZeroBiasAndTheGivenShapes) {
  Random random(22);
  Dense layer(3, 5, Activation::tanh, Initializer::he_uniform, random);
  EXPECT_EQ(layer.input_dim(), 3);
  EXPECT_EQ(layer.units(), 5);
  EXPECT_EQ(layer.bias().value, Matrix::Zero(1, 5));
  EXPECT_EQ(layer.activation(), Activation::tanh);
}

TEST(Sequential, PredictEqualsTheTapeForwardPass) {
  Random random(23);
  Sequential model = heart_model(random);
  const Matrix x = random_matrix(40, 11, random, -2.0, 2.0);
  GradientTape tape;
  const Matrix on_tape = tape.value(model(tape, tape.constant(x)));
  EXPECT_EQ(model.predict(x), on_tape);
  EXPECT_EQ(model.predict(x).rows(), 40);
  EXPECT_EQ(model.predict(x).cols(), 1);
}

TEST(Sequential, TrainableWeightsAreKernelThenBiasPerLayer) {
  Random random(24);
  Sequential model = heart_model(random);
  const std::vector<Variable*>& weights = model.trainable_weights();
  ASSERT_EQ(weights.size(), 6u);
  EXPECT_EQ(weights[0], &model.layers()[0].kernel());
  EXPECT_EQ(weights[5], &model.layers()[2].bias());
  // 11·64 + 64 + 64·64 + 64 + 64·1 + 1 = 4993
  EXPECT_EQ(model.parameter_count(), 4993);
}

TEST(Sequential, CopyPointsItsTrainableWeightsAtItsOwnVariables) {
  Random random(25);
  Sequential original = heart_model(random);
  Sequential copy = original;
  EXPECT_EQ(copy.trainable_weights()[0], &copy.layers()[0].kernel());
  copy.trainable_weights()[0]->value.setZero();
  EXPECT_NE(original.layers()[0].kernel().value, copy.layers()[0].kernel().value);
  Sequential moved = std::move(copy);
  EXPECT_EQ(moved.trainable_weights()[5], &moved.layers()[2].bias());
}

TEST(Sequential, AddRejectsALayerThatDoesNotFit) {
  Random random(26);
  Sequential model;
  ASSERT_TRUE(model.add(Dense(4, 8, Activation::relu, random)).ok());
  Status wrong_inputs = model.add(Dense(6, 1, Activation::sigmoid, random));
  ASSERT_FALSE(wrong_inputs.ok());
  EXPECT_EQ(wrong_inputs.error().message,
            "layer 2 takes 6 inputs, but the layer before it has 8 units");
  Status wrong_bias = model.add(Dense(Matrix::Zero(8, 2), Matrix::Zero(2, 1), Activation::linear));
  ASSERT_FALSE(wrong_bias.ok());
  EXPECT_EQ(wrong_bias.error().message, "layer 2: the bias is [2,1], expected [1,2]");
  EXPECT_EQ(model.layers().size(), 1u);
}

TEST(Sequential, SetWeightsRoundTripsAndRejectsWrongShapesWithoutChange) {
  Random random(27);
  Sequential a = heart_model(random);
  Sequential b = heart_model(random);
  ASSERT_NE(a.get_weights()[0], b.get_weights()[0]);
  ASSERT_TRUE(b.set_weights(a.get_weights()).ok());
  EXPECT_EQ(a.get_weights(), b.get_weights());

  std::vector<Matrix> wrong = a.get_weights();
  wrong[3] = Matrix::Zero(1, 32);
  const std::vector<Matrix> before = b.get_weights();
  Status status = b.set_weights(wrong);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "set_weights: array 3 (layer 2 bias) is [1,32], expected [1,64]");
  EXPECT_EQ(b.get_weights(), before);
  EXPECT_FALSE(b.set_weights({}).ok());
}

}  // namespace
}  // namespace gradtape
