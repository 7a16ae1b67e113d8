// Sorting a column's numbers in linear time, in passes a page can pause between: an LSD radix
// sort of the doubles' bit patterns, as pandas' describe() and nunique() need them sorted.
#pragma once

#include <vector>

#include "core/pacer.h"

namespace gradtape {

// Sorts `values` ascending (-0 before +0); none may be NaN. Ticks `pacer` once per value and
// pass (at most six passes of 11 bits; a pass whose digit is the same everywhere is skipped).
void sort_numbers(std::vector<double>& values, Pacer& pacer);

}  // namespace gradtape
