// How a CSV file's text is written: the decimal mark of its numbers and the encoding of its
// bytes, as the reader is told (automatic, or one fixed) and as it found them.
#pragma once

#include <string_view>

namespace gradtape {

// Automatic: a point, or a comma for the columns of a `;`- or tab-separated file whose every
// value reads as a number once one comma is taken as the decimal point ("39,1"), as Excel
// writes them in much of Europe.
enum class DecimalMark { automatic, point, comma };

// Automatic: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Excel's other default).
enum class TextEncoding { automatic, utf8, windows1252 };

// "UTF-8", "Windows-1252" ("automatic" for TextEncoding::automatic).
std::string_view encoding_name(TextEncoding encoding);

}  // namespace gradtape
