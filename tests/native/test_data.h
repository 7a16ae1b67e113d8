// Where the suites find the real heart.csv and TensorFlow.js reference traces. A missing file is
// a skip on a newcomer's machine and a failure under CI (CI=true).
#pragma once

#include <optional>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace gradtape::testing {

// $GRADTAPE_HEART_CSV, then data/heart.csv, then ../shared/data/heart.csv; nullopt if none exists.
std::optional<std::string> heart_csv_path();
// A file of ../shared/reference/ (for example "heart_tfjs_trace_2epochs.json"), if it exists.
std::optional<std::string> reference_path(const std::string& name);
// A file of ../shared/data/ (for example "penguins.csv"), if it exists.
std::optional<std::string> shared_data_path(const std::string& name);
// The whole text of a file; fails the test if it cannot be read.
std::string read_text_file(const std::string& path);
// True under CI, where missing data must fail rather than skip.
bool running_under_ci();

}  // namespace gradtape::testing

// Sets `var` to the path of heart.csv, or skips (fails under CI) with the places it looked.
#define GRADTAPE_REQUIRE_HEART_CSV(var)                                                       \
  std::string var;                                                                            \
  if (auto found_ = ::gradtape::testing::heart_csv_path()) {                                  \
    var = *found_;                                                                            \
  } else if (::gradtape::testing::running_under_ci()) {                                       \
    FAIL() << "heart.csv not found (CI=true): set GRADTAPE_HEART_CSV, or put it in data/ or " \
              "../shared/data/";                                                              \
  } else {                                                                                    \
    GTEST_SKIP() << "heart.csv not found: set GRADTAPE_HEART_CSV, or download it to "         \
                    "data/heart.csv (see README)";                                            \
  }

// Sets `var` to the parsed JSON of a reference trace, or skips (fails under CI).
#define GRADTAPE_REQUIRE_TRACE(var, name)                                                    \
  nlohmann::json var;                                                                        \
  if (auto found_ = ::gradtape::testing::reference_path(name)) {                             \
    var = nlohmann::json::parse(::gradtape::testing::read_text_file(*found_));               \
  } else if (::gradtape::testing::running_under_ci()) {                                      \
    FAIL() << "reference trace " << (name) << " not found in ../shared/reference (CI=true)"; \
  } else {                                                                                   \
    GTEST_SKIP() << "reference trace " << (name) << " not found in ../shared/reference";     \
  }

// Sets `var` to the path of ../shared/data/NAME, or skips (fails under CI).
#define GRADTAPE_REQUIRE_SHARED_DATA(var, name)                                   \
  std::string var;                                                                \
  if (auto found_ = ::gradtape::testing::shared_data_path(name)) {                \
    var = *found_;                                                                \
  } else if (::gradtape::testing::running_under_ci()) {                           \
    FAIL() << "data file " << (name) << " not found in ../shared/data (CI=true)"; \
  } else {                                                                        \
    GTEST_SKIP() << "data file " << (name) << " not found in ../shared/data";     \
  }
