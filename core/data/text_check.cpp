#include "core/data/text_check.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace gradtape {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

std::string line_prefix(std::string_view text, std::size_t offset) {
  return "line " + std::to_string(line_of_offset(text, offset)) + ": ";
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view text) {
  Pacer never_pauses;
  return first_invalid_utf8(text, never_pauses);
}

std::size_t first_invalid_utf8(std::string_view text, Pacer& pacer) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    pacer.tick();
    // ASCII fast path, eight bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t block;
      std::memcpy(&block, bytes + i, 8);
      if ((block & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = bytes[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > n || bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return i;
    }
    i += length;
  }
  return n;
}

std::string_view strip_utf8_bom(std::string_view text) {
  return starts_with(text, "\xEF\xBB\xBF") ? text.substr(3) : text;
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      ++line;
  }
  return line;
}

Status check_not_binary(std::string_view text) {
  Pacer never_pauses;
  return check_not_binary(text, never_pauses);
}

Status check_not_binary(std::string_view text, Pacer& pacer) {
  if (starts_with(text, "\xFF\xFE") || starts_with(text, "\xFE\xFF")) {
    return Error{"line 1: the file is UTF-16 text; save it as CSV in UTF-8"};
  }
  if (starts_with(text, "PK\x03\x04")) {
    return Error{
        "line 1: this is a zip archive or an Excel workbook (.xlsx), not CSV text; "
        "export the sheet as CSV (UTF-8)"};
  }
  if (starts_with(text, "\xD0\xCF\x11\xE0")) {
    return Error{
        "line 1: this is an old Excel workbook (.xls), not CSV text; export the sheet as "
        "CSV (UTF-8)"};
  }
  if (starts_with(text, "\x1F\x8B"))
    return Error{"line 1: this is a gzip archive; unpack it first"};
  if (starts_with(text, "%PDF")) return Error{"line 1: this is a PDF document, not CSV text"};
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  for (std::size_t at = 0; at < text.size(); at += kChunk) {
    const std::size_t nul = text.substr(at, kChunk).find('\0');
    if (nul != std::string_view::npos) {
      return Error{line_prefix(text, at + nul) +
                   "the file holds a NUL byte, so it is binary data or UTF-16 text, not a CSV; "
                   "save it as CSV in UTF-8"};
    }
    pacer.look();
  }
  return {};
}

Error not_utf8_error(std::string_view text, std::size_t bad) {
  std::size_t line_start = bad;
  while (line_start > 0 && text[line_start - 1] != '\n' && text[line_start - 1] != '\r')
    --line_start;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
  return Error{line_prefix(text, bad) + "the text is not UTF-8 (byte " + byte + " at column " +
                   std::to_string(bad - line_start + 1) +
                   "); save the file as CSV in UTF-8, or read it as Windows-1252 (Latin-1)",
               "text_encoding"};
}

Status check_text(std::string_view text) {
  if (Status status = check_not_binary(text); !status) return status;
  const std::size_t bad = first_invalid_utf8(text);
  if (bad != text.size()) return not_utf8_error(text, bad);
  return {};
}

}  // namespace gradtape
