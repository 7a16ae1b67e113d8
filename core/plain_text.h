// How a setting's text is read, by the settings table and the class weights alike: trimmed of
// spaces, and numbers only as plain decimals.
#pragma once

#include <string>
#include <string_view>

namespace gradtape {

// `text` without its leading and trailing white space.
std::string trimmed(std::string_view text);
// A decimal number written plainly, [+-]digits[.digits][e[+-]digits], into `value`; false for
// anything else (hex, inf, nan, stray characters).
bool read_decimal(const std::string& text, double& value);

}  // namespace gradtape
