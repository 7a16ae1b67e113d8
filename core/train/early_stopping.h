// The best epoch and early stopping, as Keras 3's EarlyStopping callback defines them
// (docs/pipeline.md, "After training"): after each epoch the monitored validation figure is an
// improvement when it beats the best so far by more than min_delta (lower for a loss or an error,
// higher for a score); `wait` counts the epochs since the last improvement, and the run stops once
// wait >= patience, never after the first epoch. The best epoch is the last improvement.
#pragma once

#include <string>

#include "core/train/epoch_fields.h"

namespace gradtape {

struct EarlyStoppingSettings {
  bool enabled = false;  // off: every epoch runs (the tutorial's 60), the best epoch is still kept
  std::string monitor = "val_loss";
  int patience = 10;
  double min_delta = 0;
  bool restore_best = false;  // at the end of the run, the best epoch's weights replace the last
};

enum class MonitorMode { min, max };

// The validation field `name` ("val_loss") if `task` reports it, else nullptr.
const EpochField* monitored_field(const std::string& name, Task task);
// Lower is better for a loss or an error in the target's units; higher for the rest.
MonitorMode monitor_mode(const EpochField& field);

class BestEpochTracker {
 public:
  BestEpochTracker(MonitorMode mode, double min_delta, int patience);

  struct Verdict {
    bool improved = false;  // this epoch is the new best (keep its weights)
    bool stop = false;      // patience is exhausted (only meaningful with early stopping on)
  };
  // After epoch `epoch` (1-based) whose monitored figure is `current`.
  Verdict end_epoch(int epoch, double current);

  int best_epoch() const { return best_epoch_; }  // 0 before the first epoch
  double best() const { return best_; }
  int wait() const { return wait_; }

 private:
  MonitorMode mode_;
  double min_delta_;
  int patience_;
  double best_;
  int best_epoch_ = 0;
  int wait_ = 0;
};

}  // namespace gradtape
