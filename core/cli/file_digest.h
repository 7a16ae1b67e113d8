// The sha256 of a file's bytes, in lowercase hex, which a saved model records for its training
// file (OpenSSL's libcrypto).
#pragma once

#include <string>
#include <string_view>

namespace gradtape::cli {

std::string sha256_hex(std::string_view bytes);

}  // namespace gradtape::cli
