#include "core/pacer.h"

#include <chrono>

namespace gradtape {
namespace {

double now_ms() {
  using Clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

}  // namespace

Pacer::Pacer(double slice_ms, Pause pause, void* context)
    : pause_(pause), context_(context), slice_ms_(slice_ms), slice_start_(now_ms()) {}

void Pacer::look() {
  ticks_ = 0;
  if (!pause_ || now_ms() - slice_start_ < slice_ms_) return;
  pause_(context_);
  ++pauses_;
  slice_start_ = now_ms();
}

}  // namespace gradtape
