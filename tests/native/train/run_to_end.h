// A session made from `config` and trained through its last epoch, for the suites that look at
// a finished run; nullptr (and a failed expectation naming the error) if it cannot be made.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "core/train/training_session.h"

namespace gradtape::testing {

inline std::unique_ptr<TrainingSession> run_to_end(const Table& table,
                                                   const TrainingConfig& config) {
  Result<std::unique_ptr<TrainingSession>> session = TrainingSession::create(table, config);
  EXPECT_TRUE(session.ok()) << (session.ok() ? "" : session.error().message);
  if (!session.ok()) return nullptr;
  while (!(*session)->done()) (*session)->run_epoch();
  return std::move(*session);
}

}  // namespace gradtape::testing
