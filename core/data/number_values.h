// A numeric column's values, kept exactly in less memory than a double per row. While the column
// holds at most kMaxDistinct distinct values (most columns of a table: ages, counts, codes,
// measurements to one decimal), each distinct value is stored once and each row holds its place
// in that dictionary (Codes: one or two bytes). Past that, numbers written with a few decimals
// (IDs, counts, prices, readings to 0.01) take four bytes a row, as 32-bit integers over a power
// of ten that give back exactly the double that was read; other values are plain doubles. NaN
// marks a missing value, as everywhere in the table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/data/codes.h"

namespace gradtape {

class NumberValues {
 public:
  static constexpr std::size_t kMaxDistinct = 65536;
  static constexpr int kMaxDecimals = 6;
  static constexpr double kPowersOfTen[kMaxDecimals + 1] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  enum class Storage { coded, decimals, plain };

  std::size_t size() const;
  bool empty() const { return size() == 0; }
  double operator[](std::size_t row) const {
    switch (storage_) {
      case Storage::coded: return dictionary_[codes_[row]];
      case Storage::decimals: {
        const std::int32_t units = units_[row];
        // A correctly rounded quotient: the double nearest units / 10^decimals_, as read.
        return units == kMissing ? std::numeric_limits<double>::quiet_NaN()
                                 : static_cast<double>(units) / kPowersOfTen[decimals_];
      }
      default: return plain_[row];
    }
  }
  void push_back(double value);
  void reserve(std::size_t rows);
  // Frees what finding a value's place needs, once every value is in; push_back still works.
  void shrink();
  // Every row's value, in row order.
  std::vector<double> to_vector() const;

  // How the values are stored (and with how many decimals), and the bytes a row takes.
  Storage storage() const { return storage_; }
  int decimals() const { return decimals_; }
  bool coded() const { return storage_ == Storage::coded; }
  std::size_t bytes_per_row() const;
  // While coded(): the distinct values (by bit pattern, NaN once), and each row's place among
  // them, so that a pass over the rows can do its work once per distinct value.
  const std::vector<double>& dictionary() const { return dictionary_; }
  std::uint32_t place(std::size_t row) const { return codes_[row]; }

 private:
  static constexpr std::int32_t kMissing = std::numeric_limits<std::int32_t>::min();

  // The value's place in dictionary_, adding it there if new; kMaxDistinct when it is full.
  std::uint32_t place_of(double value);
  void grow_slots();
  // From codes to decimals when every distinct value can be one, else to plain doubles.
  void leave_dictionary();
  // Whether `value` can be stored as decimals (with more of them for every row, if it needs them).
  bool take_decimals(double value);
  void store_plainly();

  Storage storage_ = Storage::coded;
  std::size_t reserved_ = 0;
  std::vector<double> dictionary_;    // distinct bit patterns (one NaN), in order of appearance
  Codes codes_;                       // per row, its value's place in dictionary_
  std::vector<std::uint32_t> slots_;  // open addressing over dictionary_: 1 + place, 0 if empty
  int slot_bits_ = 0;                 // slots_ has 2^slot_bits_ entries
  std::vector<std::int32_t> units_;   // per row, its value times 10^decimals_ (kMissing: NaN)
  int decimals_ = 0;
  std::int64_t largest_units_ = 0;  // the largest |units_| so far
  std::vector<double> plain_;       // per row, its value
};

}  // namespace gradtape
