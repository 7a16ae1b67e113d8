// A Pacer for tests that pauses at every look (every 1,024 ticks) and counts its pauses: how a
// test sees that a loop ticks once per unit of work, with no clock involved.
#pragma once

#include "core/pacer.h"

namespace gradtape::testing {

struct PauseCounter {
  PauseCounter() = default;
  PauseCounter(const PauseCounter&) = delete;  // the Pacer points at this one
  PauseCounter& operator=(const PauseCounter&) = delete;

  int pauses = 0;
  Pacer pacer{0, [](void* self) { ++static_cast<PauseCounter*>(self)->pauses; }, this};
};

}  // namespace gradtape::testing
