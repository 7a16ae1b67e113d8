// SHA-256 (FIPS 180-4) of a byte stream, fed in pieces: the page's engine records the digest of
// the training file in a model file as the CLI does (core/cli/file_digest.h, with OpenSSL), and
// hashes it piece by piece between pauses while it loads the file. WebCrypto's digest() copies
// the whole file on the page's thread first, a long task for a large file, and the page may
// not start workers (its CSP says worker-src 'none').
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace gradtape {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // The digest in lowercase hex; the object is spent afterwards.
  std::string hex_digest();

 private:
  void compress(const unsigned char* block);

  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes fed so far
};

}  // namespace gradtape
