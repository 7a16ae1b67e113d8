// The CSV reader on a generated file of heart.csv's shape (numbers and short text, some quoted,
// some missing), just under the 50 MB limit: whole read_csv, and its stages. Reports MB/s.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "core/data/csv.h"
#include "core/data/limits.h"
#include "core/data/read_csv.h"
#include "core/data/text_check.h"
#include "core/random.h"

namespace gradtape {
namespace {

const std::string& generated_csv() {
  static const std::string text = [] {
    constexpr std::size_t kTargetBytes = kMaxFileBytes - 256;  // the last row may overshoot by one
    const char* pain[] = {"ASY", "ATA", "NAP", "TA"};
    const char* slope[] = {"Up", "Flat", "Down"};
    Random random(2024);
    std::string csv =
        "Age,Sex,ChestPainType,RestingBP,Cholesterol,Oldpeak,Notes,ST_Slope,HeartDisease\r\n";
    csv.reserve(kTargetBytes + 256);
    char row[256];
    while (csv.size() < kTargetBytes) {
      const double oldpeak = random.unit() * 6.2 - 2.6;
      const bool missing = random.below(50) == 0;
      const char* note = random.below(4) == 0 ? "\"follow-up, see \"\"chart\"\"\"" : "none";
      int n =
          std::snprintf(row, sizeof row, "%u,%s,%s,%u,%s,%.3f,%s,%s,%u\r\n", 28 + random.below(50),
                        random.below(4) ? "M" : "F", pain[random.below(4)], 90 + random.below(100),
                        missing ? "" : std::to_string(100 + random.below(500)).c_str(), oldpeak,
                        note, slope[random.below(3)], random.below(2));
      csv.append(row, static_cast<std::size_t>(n));
    }
    return csv;
  }();
  return text;
}

void BM_ReadCsv(benchmark::State& state) {
  const std::string& text = generated_csv();
  std::size_t rows = 0;
  for (auto _ : state) {
    Result<Table> table = read_csv(text);
    if (!table.ok()) {
      state.SkipWithError(table.error().message.c_str());
      return;
    }
    rows = table->rows;
    benchmark::DoNotOptimize(table->columns.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["MB"] = text.size() / 1048576.0;
}
BENCHMARK(BM_ReadCsv)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = generated_csv();
  for (auto _ : state) {
    CsvScanner scanner(text, ',');
    std::size_t fields = 0;
    while (scanner.next()) fields += scanner.fields().size();
    benchmark::DoNotOptimize(fields);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_CheckUtf8(benchmark::State& state) {
  const std::string& text = generated_csv();
  for (auto _ : state) benchmark::DoNotOptimize(check_text(text).ok());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CheckUtf8)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gradtape
