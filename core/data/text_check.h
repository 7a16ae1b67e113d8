// Is this text a CSV we can read? UTF-8 validity, and a clear word for the files people drop by
// mistake: spreadsheets, archives, UTF-16 exports, binary data.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"

namespace gradtape {

// The text without a leading UTF-8 byte-order mark.
std::string_view strip_utf8_bom(std::string_view text);

// 1-based physical line of the byte at `offset` (LF, CRLF and lone CR each end a line).
std::size_t line_of_offset(std::string_view text, std::size_t offset);

// OK if `text` (BOM already stripped) is UTF-8 without NUL bytes; otherwise an error naming the
// line and what the file seems to be.
Status check_text(std::string_view text);

}  // namespace gradtape
