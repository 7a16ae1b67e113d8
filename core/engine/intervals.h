// How far to trust a figure from a few hundred validation rows: the Wilson score interval of a
// proportion (accuracy), and Student's t interval of a mean (MAE over the rows' absolute errors).
#pragma once

#include <cstdint>
#include <vector>

namespace gradtape {

struct Interval {
  double low = 0, high = 0;
};

// The 95% Wilson interval of `successes` out of `n` (Wilson 1927; scikit-learn has none, this is
// statsmodels' proportion_confint(method="wilson")).
Interval wilson_interval(std::int64_t successes, std::int64_t n, double z = 1.959963984540054);

// The 95% t interval of the mean of `values` (n >= 2; else the mean alone). The t quantile is
// the Cornish-Fisher expansion of the normal one: within 3e-3 of Student's from 5 degrees of
// freedom, 2e-4 from 10 and 1e-5 from 30.
Interval mean_interval(const std::vector<double>& values);

// Student's t 0.975 quantile with `dof` degrees of freedom (the expansion above).
double t_quantile_975(double dof);

}  // namespace gradtape
