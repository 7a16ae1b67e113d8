// The portable transcendental functions against the long-double libm of the build: on float
// arguments over each function's whole useful range, the float rounded from the double result
// is at most 1 ulp from the float rounded from the reference, and equal to it but for a handful
// of arguments; the double results are within a few double ulps; and the special values hold.
#include "core/engine/portable_math.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace gradtape {
namespace {

// The float's place on the number line of floats: consecutive floats differ by 1.
std::int64_t float_rank(float x) {
  std::int32_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  return bits < 0 ? std::int64_t{INT32_MIN} - bits : bits;
}

float float_of_bits(std::uint32_t bits) {
  float x = 0;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

// Floats in [lo, hi]: an even sweep, and a sweep of bit patterns (every magnitude) of both signs.
std::vector<float> arguments(float lo, float hi) {
  std::vector<float> xs;
  constexpr int kSteps = 60000;
  for (int i = 0; i <= kSteps; ++i)
    xs.push_back(static_cast<float>(lo + (static_cast<double>(hi) - lo) * i / kSteps));
  for (std::uint32_t bits = 0; bits < 0x7f800000u; bits += 0x7f800000u / kSteps) {
    for (const float x : {float_of_bits(bits), -float_of_bits(bits)}) {
      if (x >= lo && x <= hi) xs.push_back(x);
    }
  }
  return xs;
}

struct Accuracy {
  std::int64_t max_float_ulps = 0;
  std::size_t float_mismatches = 0;
  double max_relative = 0;  // of the double result, in units of 2^-52
  std::size_t count = 0;
};

template <class Ours, class Reference>
Accuracy measure(float lo, float hi, Ours ours, Reference reference) {
  Accuracy a;
  for (const float x : arguments(lo, hi)) {
    const double got = ours(static_cast<double>(x));
    const long double want = reference(static_cast<long double>(x));
    const std::int64_t ulps =
        std::llabs(float_rank(static_cast<float>(got)) - float_rank(static_cast<float>(want)));
    a.max_float_ulps = std::max(a.max_float_ulps, ulps);
    a.float_mismatches += ulps != 0;
    if (want != 0) {
      const long double relative = std::fabs((static_cast<long double>(got) - want) / want);
      a.max_relative = std::max(a.max_relative, static_cast<double>(relative) * 0x1p52);
    }
    ++a.count;
  }
  return a;
}

void expect_accurate(const Accuracy& a, const char* what) {
  SCOPED_TRACE(what);
  EXPECT_GT(a.count, 50000u);
  EXPECT_LE(a.max_float_ulps, 1);
  EXPECT_LE(a.float_mismatches, 3u) << "of " << a.count;
  EXPECT_LE(a.max_relative, 4.0) << "double ulps";
}

TEST(PortableMath, ExpIsTheRoundedFloatOverItsRange) {
  expect_accurate(measure(-103.f, 88.7f, portable::exp, [](long double x) { return std::exp(x); }),
                  "exp");
}

TEST(PortableMath, Expm1IsAccurateNearZeroAndBeyond) {
  expect_accurate(
      measure(-30.f, 88.f, portable::expm1, [](long double x) { return std::expm1(x); }), "expm1");
}

TEST(PortableMath, LogIsTheRoundedFloatOverEveryPositiveFloat) {
  expect_accurate(
      measure(std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::max(),
              portable::log, [](long double x) { return std::log(x); }),
      "log");
}

TEST(PortableMath, Log1pIsAccurateNearZeroAndBeyond) {
  expect_accurate(
      measure(-0.999f, 1e30f, portable::log1p, [](long double x) { return std::log1p(x); }),
      "log1p");
}

TEST(PortableMath, TanhIsTheRoundedFloatOverItsRange) {
  expect_accurate(measure(-25.f, 25.f, portable::tanh, [](long double x) { return std::tanh(x); }),
                  "tanh");
}

TEST(PortableMath, SpecialValues) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(portable::exp(0.0), 1.0);
  EXPECT_EQ(portable::exp(1000.0), inf);
  EXPECT_EQ(portable::exp(-1000.0), 0.0);
  EXPECT_EQ(portable::exp(-inf), 0.0);
  EXPECT_TRUE(std::isnan(portable::exp(nan)));
  EXPECT_EQ(portable::log(1.0), 0.0);
  EXPECT_EQ(portable::log(0.0), -inf);
  EXPECT_EQ(portable::log(inf), inf);
  EXPECT_TRUE(std::isnan(portable::log(-1.0)));
  EXPECT_TRUE(std::isnan(portable::log(nan)));
  EXPECT_EQ(portable::log1p(0.0), 0.0);
  EXPECT_EQ(portable::log1p(-1.0), -inf);
  EXPECT_EQ(portable::log1p(1e-300), 1e-300);
  EXPECT_EQ(portable::tanh(30.0), 1.0);
  EXPECT_EQ(portable::tanh(-30.0), -1.0);
  EXPECT_TRUE(std::signbit(portable::tanh(-0.0)));
  EXPECT_EQ(portable::expm1(1e-300), 1e-300);
}

}  // namespace
}  // namespace gradtape
