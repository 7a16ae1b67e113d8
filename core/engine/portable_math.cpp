#include "core/engine/portable_math.h"

#include <cmath>
#include <limits>

namespace gradtape::portable {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// ln 2 split as fdlibm does: kLn2Hi has 32 significant bits, so k·kLn2Hi is exact for |k| < 2^21.
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kSqrtHalf = 0.70710678118654752440;
// Beyond these, e^x overflows double or rounds to 0.
constexpr double kExpOverflow = 709.782712893383973096;
constexpr double kExpUnderflow = -745.133219101941108420;

// Σ_{n=1..14} r^n / n! in Horner form: e^r - 1 to a double ulp for |r| <= 0.35 (the first term
// left out, r^15/15!, is below 2^-70 there).
double taylor_expm1(double r) {
  double p = 1.0 / 87178291200.0;  // 1/14!
  constexpr double kInverseFactorials[] = {1.0 / 6227020800.0,
                                           1.0 / 479001600.0,
                                           1.0 / 39916800.0,
                                           1.0 / 3628800.0,
                                           1.0 / 362880.0,
                                           1.0 / 40320.0,
                                           1.0 / 5040.0,
                                           1.0 / 720.0,
                                           1.0 / 120.0,
                                           1.0 / 24.0,
                                           1.0 / 6.0,
                                           1.0 / 2.0,
                                           1.0};
  for (const double c : kInverseFactorials) p = p * r + c;
  return p * r;
}

}  // namespace

// x = k·ln 2 + r, |r| <= ln 2 / 2 (plus a rounding), so e^x = 2^k · (1 + (e^r - 1)).
double exp(double x) {
  if (x != x) return x;
  if (x > kExpOverflow) return kInf;
  if (x < kExpUnderflow) return 0.0;
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  return std::ldexp(1.0 + taylor_expm1(r), static_cast<int>(k));
}

double expm1(double x) {
  if (std::fabs(x) <= 0.35) return taylor_expm1(x);
  return exp(x) - 1.0;  // e^x - 1 >= 0.29 in magnitude here: the subtraction loses under 2 bits
}

// x = 2^e · m, √½ <= m < √2; ln m = 2 atanh(s) = 2 Σ s^(2i+1)/(2i+1), s = (m - 1)/(m + 1),
// |s| <= 0.172, so the series to s^23 is within 2^-60 of ln m.
double log(double x) {
  if (x != x || x < 0.0) return kNaN;
  if (x == 0.0) return -kInf;
  if (x == kInf) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // m in [0.5, 1)
  if (m < kSqrtHalf) {
    m *= 2.0;
    --e;
  }
  const double f = m - 1.0;  // exact (Sterbenz)
  const double s = f / (2.0 + f);
  const double s2 = s * s;
  double q = 1.0 / 23.0;
  for (int n = 21; n >= 3; n -= 2) q = q * s2 + 1.0 / n;
  const double ln_m = 2.0 * s + 2.0 * s * (s2 * q);
  const double k = e;
  return k * kLn2Hi + (k * kLn2Lo + ln_m);
}

// u = 1 + x rounded; ln(1 + x) = ln u · x / (u - 1) cancels the rounding of u (Goldberg 1991).
double log1p(double x) {
  const double u = 1.0 + x;
  if (u == 1.0) return x;
  if (u == kInf || u <= 0.0) return log(u);
  return log(u) * (x / (u - 1.0));
}

// tanh |x| = t / (t + 2), t = e^(2|x|) - 1; it is 1 in double beyond |x| = 22.
double tanh(double x) {
  const double a = std::fabs(x);
  if (a > 22.0) return std::copysign(1.0, x);
  const double t = expm1(2.0 * a);
  return std::copysign(t / (t + 2.0), x);
}

}  // namespace gradtape::portable
