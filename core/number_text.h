// The shortest decimal text that reads back as the same number, as pandas' to_csv and
// JavaScript's String(x) write it ("0.1", not "0.10000000000000001").
#pragma once

#include <string>

namespace gradtape {

std::string shortest_text(double value);
// For a float32: the shortest text that reads back as the same float ("0.3").
std::string shortest_text(float value);

}  // namespace gradtape
