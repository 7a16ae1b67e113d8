// Windows-1252 (Excel's "ANSI" on western Windows, a superset of Latin-1's printable range) to
// UTF-8, byte by byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/pacer.h"

namespace gradtape {

// The Unicode code point of each byte: 0x00-0x7F and 0xA0-0xFF as Latin-1, 0x80-0x9F as the
// Windows-1252 table (0x80 is U+20AC, the euro sign). The five bytes Windows-1252 leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) give U+FFFD, the replacement character.
char32_t windows1252_code_point(unsigned char byte);

struct Converted {
  std::string text;                 // UTF-8
  std::size_t undefined_bytes = 0;  // bytes that became U+FFFD
};

Converted windows1252_to_utf8(std::string_view bytes);
// The same, ticking `pacer` once per byte (a 50 MB file is a long task otherwise).
Converted windows1252_to_utf8(std::string_view bytes, Pacer& pacer);

}  // namespace gradtape
