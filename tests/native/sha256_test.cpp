#include "core/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace gradtape {
namespace {

std::string digest_of(std::string_view text) {
  Sha256 sha;
  sha.update(text);
  return sha.hex_digest();
}

TEST(Sha256, GivesTheFipsExamplesDigests) {
  // FIPS 180-4's examples (NIST's "SHA256.pdf"): "abc", the empty message and the 448-bit one.
  EXPECT_EQ(digest_of("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(digest_of(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(digest_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, AMillionAsFedInUnevenPiecesGiveTheWholeMessagesDigest) {
  Sha256 sha;
  const std::string a(1000000, 'a');
  std::size_t at = 0;
  for (std::size_t piece = 1; at < a.size(); piece = piece * 3 + 1) {
    const std::size_t size = std::min(piece % 9973, a.size() - at);
    sha.update(std::string_view(a).substr(at, size));
    at += size;
  }
  EXPECT_EQ(sha.hex_digest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PadsMessagesAroundTheBlockEdge) {
  // 55, 56 and 64 bytes: the length fits in the block, spills into a second one, fills one.
  // The digests are Python's hashlib.sha256(b"x" * n).
  EXPECT_EQ(digest_of(std::string(55, 'x')),
            "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
  EXPECT_EQ(digest_of(std::string(56, 'x')),
            "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
  EXPECT_EQ(digest_of(std::string(64, 'x')),
            "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

}  // namespace
}  // namespace gradtape
