#include "core/engine/intervals.h"

#include <cmath>

namespace gradtape {

Interval wilson_interval(std::int64_t successes, std::int64_t n, double z) {
  if (n <= 0) return {std::nan(""), std::nan("")};
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nn;
  const double z2 = z * z;
  // (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)
  const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
  return {centre - half, centre + half};
}

double t_quantile_975(double dof) {
  const double z = 1.959963984540054;
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * dof) + (5 * z5 + 16 * z3 + 3 * z) / (96 * dof * dof) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * dof * dof * dof);
}

Interval mean_interval(const std::vector<double>& values) {
  const double n = static_cast<double>(values.size());
  if (values.empty()) return {std::nan(""), std::nan("")};
  double mean = 0;
  for (double v : values) mean += v;
  mean /= n;
  if (values.size() < 2) return {mean, mean};
  double squares = 0;
  for (double v : values) squares += (v - mean) * (v - mean);
  const double half = t_quantile_975(n - 1) * std::sqrt(squares / (n - 1)) / std::sqrt(n);
  return {mean - half, mean + half};
}

}  // namespace gradtape
