// The loaded table as the page sees it (API.md "Loading data"): rows, delimiter, per-column
// dtype and describe() statistics, the first rows, and what each column could be as a target.
#pragma once

#include "core/data/table.h"
#include "core/pacer.h"
#include "wasm/js_values.h"

namespace gradtape::wasm {

val table_summary(const Table& table, Pacer& pacer);

}  // namespace gradtape::wasm
