// Is this text a CSV we can read? UTF-8 validity, and a clear word for the files people drop by
// mistake: spreadsheets, archives, UTF-16 exports, binary data.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/pacer.h"
#include "core/result.h"

namespace gradtape {

// The text without a leading UTF-8 byte-order mark.
std::string_view strip_utf8_bom(std::string_view text);

// 1-based physical line of the byte at `offset` (LF, CRLF and lone CR each end a line).
std::size_t line_of_offset(std::string_view text, std::size_t offset);

// OK if `text` (BOM already stripped) is UTF-8 without NUL bytes; otherwise an error naming the
// line and what the file seems to be.
Status check_text(std::string_view text);

// OK unless `text` is a spreadsheet, an archive, a PDF, UTF-16 text or holds a NUL byte: the
// part of check_text that no text encoding can mend.
Status check_not_binary(std::string_view text);
Status check_not_binary(std::string_view text, Pacer& pacer);  // looks at the pacer every MB

// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included),
// or text.size() when it is all valid.
std::size_t first_invalid_utf8(std::string_view text);
std::size_t first_invalid_utf8(std::string_view text, Pacer& pacer);  // ticks every 8 bytes

// The error for the byte at `offset` that is not UTF-8: its line, column and value.
Error not_utf8_error(std::string_view text, std::size_t offset);

}  // namespace gradtape
