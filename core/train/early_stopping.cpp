#include "core/train/early_stopping.h"

#include <cmath>
#include <limits>

namespace gradtape {

const EpochField* monitored_field(const std::string& name, Task task) {
  if (name.rfind("val_", 0) != 0) return nullptr;
  for (const EpochField* field : epoch_fields_for(task)) {
    if (field->name == name) return field;
  }
  return nullptr;
}

MonitorMode monitor_mode(const EpochField& field) {
  return field.kind == FieldKind::loss || field.kind == FieldKind::units ? MonitorMode::min
                                                                         : MonitorMode::max;
}

BestEpochTracker::BestEpochTracker(MonitorMode mode, double min_delta, int patience)
    : mode_(mode),
      min_delta_(std::fabs(min_delta)),
      patience_(patience),
      best_(mode == MonitorMode::min ? std::numeric_limits<double>::infinity()
                                     : -std::numeric_limits<double>::infinity()) {}

BestEpochTracker::Verdict BestEpochTracker::end_epoch(int epoch, double current) {
  Verdict verdict;
  ++wait_;
  // Keras' _is_improvement: monitor_op(current - min_delta, best), min_delta negated for "min".
  const bool improved =
      mode_ == MonitorMode::min ? current + min_delta_ < best_ : current - min_delta_ > best_;
  if (improved) {
    best_ = current;
    best_epoch_ = epoch;
    wait_ = 0;
    verdict.improved = true;
    return verdict;
  }
  // Keras' `epoch > 0` with its 0-based epochs: never stop after the first epoch.
  verdict.stop = wait_ >= patience_ && epoch > 1;
  return verdict;
}

}  // namespace gradtape
