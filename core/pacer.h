// Lets a long computation give the thread back now and then. On the page, reading, describing
// and preparing a large table call `pause` about every `slice_ms` (wasm/yield.js: it resumes the
// work in a later task, so the page draws and answers between slices); natively, and wherever
// no pause is wanted, a default Pacer never pauses. Loops call tick() once per unit of work.
#pragma once

#include <cstdint>

namespace gradtape {

class Pacer {
 public:
  Pacer() = default;  // never pauses
  using Pause = void (*)(void* context);
  Pacer(double slice_ms, Pause pause, void* context = nullptr);

  // Cheap: looks at the clock every kTicksPerLook calls, and pauses once the slice is spent.
  void tick(std::uint32_t units = 1) {
    if (!pause_) return;
    ticks_ += units;
    if (ticks_ >= kTicksPerLook) look();
  }
  // Pauses now if the slice is spent, whatever the count.
  void look();
  std::uint32_t pauses() const { return pauses_; }

 private:
  static constexpr std::uint32_t kTicksPerLook = 1024;
  Pause pause_ = nullptr;
  void* context_ = nullptr;
  double slice_ms_ = 0;
  double slice_start_ = 0;
  std::uint32_t ticks_ = 0;
  std::uint32_t pauses_ = 0;
};

}  // namespace gradtape
