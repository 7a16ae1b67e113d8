#include "core/pacer.h"

#include <gtest/gtest.h>

#include <chrono>

namespace gradtape {
namespace {

void count_pause(void* context) { ++*static_cast<int*>(context); }

void wait_ms(int ms) {  // a busy wait: the wasm build has no threads to sleep
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < end) {
  }
}

TEST(Pacer, ADefaultPacerNeverPauses) {
  Pacer pacer;
  for (int i = 0; i < 100000; ++i) pacer.tick();
  pacer.look();
  EXPECT_EQ(pacer.pauses(), 0u);
}

TEST(Pacer, PausesOnlyOnceTheSliceIsSpentAndLooksEveryThousandTicks) {
  int pauses = 0;
  Pacer pacer(30, count_pause, &pauses);
  pacer.look();
  EXPECT_EQ(pauses, 0);  // the slice has just begun
  wait_ms(40);
  for (int i = 0; i < 1023; ++i) pacer.tick();
  EXPECT_EQ(pauses, 0);  // not looked at the clock yet
  pacer.tick();
  EXPECT_EQ(pauses, 1);
  pacer.tick(5000);  // a new slice began with the pause
  EXPECT_EQ(pauses, 1);
  EXPECT_EQ(pacer.pauses(), 1u);
}

TEST(Pacer, AZeroSlicePausesAtEveryLook) {
  int pauses = 0;
  Pacer pacer(0, count_pause, &pauses);
  for (int i = 0; i < 3 * 1024; ++i) pacer.tick();
  EXPECT_EQ(pauses, 3);
}

}  // namespace
}  // namespace gradtape
