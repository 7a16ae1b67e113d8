#include "core/data/codes.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace gradtape {
namespace {

TEST(Codes, StartsAtOneByteAndWidensOnlyWhenACodeNeedsIt) {
  Codes codes;
  codes.reserve(4);
  for (std::uint32_t code : {0u, 7u, 255u}) codes.push_back(code);
  EXPECT_EQ(codes.width(), 1);
  codes.push_back(256);
  EXPECT_EQ(codes.width(), 2);
  codes.push_back(65535);
  EXPECT_EQ(codes.width(), 2);
  codes.push_back(65536);
  EXPECT_EQ(codes.width(), 4);
  codes.push_back(0xFFFFFFFFu);
  const std::vector<std::uint32_t> expected = {0, 7, 255, 256, 65535, 65536, 0xFFFFFFFFu};
  ASSERT_EQ(codes.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(codes[i], expected[i]) << i;
}

TEST(Codes, WidensStraightFromOneToFourBytes) {
  Codes codes;
  codes.push_back(3);
  codes.push_back(1u << 20);
  EXPECT_EQ(codes.width(), 4);
  EXPECT_EQ(codes[0], 3u);
  EXPECT_EQ(codes[1], 1u << 20);
}

}  // namespace
}  // namespace gradtape
