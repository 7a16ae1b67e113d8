// The data suites' way to read a CSV that must be valid: a failure to read fails the test with
// the reader's message, and the test goes on with an empty table.
#pragma once

#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "core/data/read_csv.h"

namespace gradtape::testing {

inline Table read_ok(const std::string& text, const CsvOptions& options = {}) {
  Result<Table> table = read_csv(text, options);
  EXPECT_TRUE(table.ok()) << (table.ok() ? "" : table.error().message);
  return table.ok() ? std::move(*table) : Table{};
}

}  // namespace gradtape::testing
