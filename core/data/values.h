// What one CSV field means: a missing marker, an integer, a float, or text. pandas' read_csv rules
// with "?" added (docs/pipeline.md step 1), plus the number formatting used to print labels.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gradtape {

// The field without the spaces and tabs around it.
std::string_view trim_blanks(std::string_view field);

// True for pandas' default na_values ("", "NA", "N/A", "NaN", "null", "NULL", "None", "#N/A", ...)
// and "?". `field` must already be trimmed.
bool is_missing_marker(std::string_view field);

enum class NumberKind { NotANumber, Integer, Float };

// Parses a whole trimmed field as pandas' C reader does: [+-]digits (up to 18 of them) is an
// Integer; longer integers, decimals, exponents, "inf" and "infinity" (any case, signed) are
// Floats; a number too large for float64 (1e400) and anything else (hex, "1,5", "nan", trailing
// text) is NotANumber, so its column is text. Never throws.
NumberKind parse_number(std::string_view field, double& value);

// The same with a decimal comma, as a European spreadsheet writes numbers: exactly one ',' read
// as the decimal point ("39,1" is 39.1, a Float); a field with no comma is read by parse_number;
// a field holding a '.' or two commas is NotANumber.
NumberKind parse_decimal_comma(std::string_view field, double& value);

// Shortest text that reads back as `value`: "1", "0.5", "1e+20"; "nan", "inf", "-inf".
std::string format_number(double value);

}  // namespace gradtape
