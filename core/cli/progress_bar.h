// A tqdm-style progress bar for one epoch, redrawn in place on stderr:
//   Epoch 3/60  61%|██████▏   | 14/23 [00:00<00:00, 812.4 batch/s]
// It draws only when stderr is a terminal, so pipes and logs get the epoch lines alone.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace gradtape::cli {

class ProgressBar {
 public:
  ProgressBar();
  // Starts a bar for `total` batches of epoch `epoch` of `epochs`.
  void start(int epoch, int epochs, std::size_t total);
  // Redraws with `done` batches finished (at most ~20 times a second).
  void update(std::size_t done);
  // Erases the bar, so the epoch's line can take its place.
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  int epoch_ = 0, epochs_ = 0;
  std::size_t total_ = 0;
  Clock::time_point started_, last_draw_;
};

// "mm:ss" for a duration in seconds.
std::string format_clock(double seconds);

}  // namespace gradtape::cli
