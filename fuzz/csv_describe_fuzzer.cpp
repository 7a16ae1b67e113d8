// Fuzz target: any bytes as a CSV file through read_csv, and a table it reads through describe.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/data/describe.h"
#include "core/data/read_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gradtape::Result<gradtape::Table> table = gradtape::read_csv(text);
  if (!table) return 0;
  for (const gradtape::ColumnSummary& summary : gradtape::describe(*table)) {
    if (summary.count + summary.missing != table->rows) __builtin_trap();
  }
  return 0;
}
