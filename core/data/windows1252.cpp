// Windows-1252 to UTF-8: a table for 0x80-0x9F, Latin-1 for the rest.
#include "core/data/windows1252.h"

namespace gradtape {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// 0x80-0x9F; 0 marks the five undefined bytes.
constexpr char32_t kHigh[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

char32_t windows1252_code_point(unsigned char byte) {
  if (byte < 0x80 || byte >= 0xA0) return byte;
  const char32_t cp = kHigh[byte - 0x80];
  return cp ? cp : kReplacement;
}

Converted windows1252_to_utf8(std::string_view bytes) {
  Pacer never_pauses;
  return windows1252_to_utf8(bytes, never_pauses);
}

Converted windows1252_to_utf8(std::string_view bytes, Pacer& pacer) {
  Converted out;
  out.text.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    pacer.tick();
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out.text.push_back(c);
      continue;
    }
    const char32_t cp = windows1252_code_point(byte);
    if (cp == kReplacement) ++out.undefined_bytes;
    append_utf8(out.text, cp);
  }
  return out;
}

}  // namespace gradtape
