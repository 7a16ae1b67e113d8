// The activation table: every record's name reads back, every elementwise derivative (read from
// the output) matches a central difference of its function, softmax's rows are probabilities
// computed as tfjs computes them, and only the hidden-layer records are offered for hidden layers.
#include "core/engine/activation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/engine/ops.h"
#include "tests/native/engine/gradient_check.h"

namespace gradtape {
namespace {

TEST(ActivationTable, EveryRecordsNameReadsBack) {
  int records = 0;
  for_each_activation([&](auto record) {
    ++records;
    Result<Activation> parsed = parse_any_activation(record.name);
    ASSERT_TRUE(parsed.ok()) << record.name;
    EXPECT_EQ(*parsed, record.kind);
    EXPECT_STREQ(activation_name(record.kind), record.name);
    EXPECT_EQ(parse_activation(record.name).ok(), record.hidden) << record.name;
  });
  EXPECT_EQ(records, static_cast<int>(std::tuple_size_v<ActivationTable>));
  EXPECT_EQ(hidden_activation_names(),
            (std::vector<std::string>{"linear", "relu", "sigmoid", "tanh"}));
  EXPECT_FALSE(parse_any_activation("gelu").ok());
  EXPECT_EQ(parse_activation("gelu").error().field, "activation");
}

// f'(x), from the record's derivative of its output, against (f(x + h) - f(x - h)) / 2h.
template <class Record>
void expect_derivative_matches(Record) {
  for (float x : {-2.5f, -0.7f, 0.3f, 1.9f}) {
    const double h = 1e-3;
    const double numeric =
        (Record::value(static_cast<float>(x + h)) - Record::value(static_cast<float>(x - h))) /
        (2 * h);
    EXPECT_NEAR(Record::derivative(Record::value(x)), numeric, 2e-3) << Record::name << " at " << x;
  }
}

TEST(ActivationTable, ElementwiseDerivativesMatchCentralDifferences) {
  expect_derivative_matches(activations::Linear{});
  expect_derivative_matches(activations::Relu{});
  expect_derivative_matches(activations::Sigmoid{});
  expect_derivative_matches(activations::Tanh{});
}

TEST(ActivationTable, SoftmaxRowsAreProbabilitiesInTheLogitsOrder) {
  Matrix z(2, 3);
  z << 1.f, 2.f, 3.f, 1000.f, 1000.f, 0.f;  // the max is taken out first: no overflow
  apply_activation(z, Activation::softmax);
  // e^-2, e^-1, 1 over their sum 1.503214724: 0.090030573, 0.244728471, 0.665240956.
  EXPECT_NEAR(z(0, 0), 0.090030573f, 1e-7);
  EXPECT_NEAR(z(0, 1), 0.244728471f, 1e-7);
  EXPECT_NEAR(z(0, 2), 0.665240956f, 1e-7);
  EXPECT_FLOAT_EQ(z(1, 0), 0.5f);
  EXPECT_FLOAT_EQ(z(1, 2), 0.f);
}

TEST(ActivationTable, SoftmaxGradientMatchesFiniteDifferences) {
  Random random(31);
  testing::expect_gradients_match({testing::random_matrix(4, 3, random, -2.0, 2.0)},
                                  [](GradientTape& t, std::vector<Variable>& v) {
                                    return activation(t, v[0], Activation::softmax);
                                  });
}

}  // namespace
}  // namespace gradtape
