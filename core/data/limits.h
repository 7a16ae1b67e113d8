// What this tool takes at most, stated once and checked before the work starts, at the same point
// for the CLI and the page: the file's size, its columns, rows and cells (here), and the model's
// size and the run's settings (core/train/settings.cpp and the session). Each limit's message
// names it and the way out.
#pragma once

#include <cstddef>
#include <string>

namespace gradtape {

// A file a tab can hold a few copies of while it trains: 50 MB (decimal: 50,000,000 bytes).
inline constexpr std::size_t kMaxFileBytes = 50'000'000;
// Columns: describe and prepare are linear in the columns, so this bounds their time.
inline constexpr std::size_t kMaxColumns = 20'000;
// Data rows (a file of tiny rows can hold many in 50 MB).
inline constexpr std::size_t kMaxRows = 5'000'000;
// One cell: a longer one is not a value of a table but a document.
inline constexpr std::size_t kMaxCellBytes = 100'000;

// A model's weights, with their gradients and optimizer slots, must fit a tab.
inline constexpr std::size_t kMaxParameters = 10'000'000;
// One batch's activations: a value, an adjoint and a scratch buffer per unit.
inline constexpr std::size_t kMaxBatchActivations = 16'000'000;
// A saved model file: ten million weights written out as JSON numbers.
inline constexpr std::size_t kMaxModelFileBytes = 200'000'000;

// 63212345 -> "63.2 MB"; 512 -> "512 bytes" (decimal units, as the page shows sizes).
std::string size_text(std::size_t bytes);

}  // namespace gradtape
