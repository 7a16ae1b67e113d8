#include "core/data/number_values.h"

#include <algorithm>
#include <cmath>

#include "core/bit_pattern.h"

namespace gradtape {
namespace {

constexpr double kMostUnits = 2147483647.0;  // the largest |units| an int32 holds (not its min)

// value * 10^decimals, rounded to a whole number of units.
double units_at(double value, int decimals) {
  return std::nearbyint(value * NumberValues::kPowersOfTen[decimals]);
}

// Whether `units` fit an int32 and give back `value` exactly.
bool gives_back(double units, int decimals, double value) {
  return std::fabs(units) <= kMostUnits && units / NumberValues::kPowersOfTen[decimals] == value &&
         !(value == 0.0 && std::signbit(value));  // -0 would come back as +0
}

// The fewest decimals that give back `value` exactly, or -1 when none up to kMaxDecimals do.
int decimals_of(double value) {
  for (int decimals = 0; decimals <= NumberValues::kMaxDecimals; ++decimals) {
    const double units = units_at(value, decimals);
    if (!(std::fabs(units) <= kMostUnits)) return -1;  // more decimals only make it larger
    if (gives_back(units, decimals, value)) return decimals;
  }
  return -1;
}

}  // namespace

std::size_t NumberValues::size() const {
  switch (storage_) {
    case Storage::coded: return codes_.size();
    case Storage::decimals: return units_.size();
    default: return plain_.size();
  }
}

void NumberValues::push_back(double value) {
  if (storage_ == Storage::coded) {
    const std::uint32_t place = place_of(value);
    if (place < kMaxDistinct) {
      codes_.push_back(place);
      return;
    }
    leave_dictionary();
  }
  if (storage_ == Storage::decimals) {
    if (take_decimals(value)) return;
    store_plainly();
  }
  plain_.push_back(value);
}

void NumberValues::reserve(std::size_t rows) {
  reserved_ = rows;
  switch (storage_) {
    case Storage::coded: codes_.reserve(rows); break;
    case Storage::decimals: units_.reserve(rows); break;
    default: plain_.reserve(rows); break;
  }
}

void NumberValues::shrink() {
  std::vector<std::uint32_t>().swap(slots_);
  slot_bits_ = 0;
}

std::vector<double> NumberValues::to_vector() const {
  std::vector<double> values(size());
  for (std::size_t r = 0; r < values.size(); ++r) values[r] = (*this)[r];
  return values;
}

std::size_t NumberValues::bytes_per_row() const {
  switch (storage_) {
    case Storage::coded: return static_cast<std::size_t>(codes_.width());
    case Storage::decimals: return sizeof(std::int32_t);
    default: return sizeof(double);
  }
}

std::uint32_t NumberValues::place_of(double value) {
  if (std::isnan(value)) value = std::numeric_limits<double>::quiet_NaN();  // one missing code
  // Kept at most half full, so that a probe ends soon.
  const bool crowded = 2 * (dictionary_.size() + 1) > slots_.size();
  if (slots_.empty() || (crowded && dictionary_.size() < kMaxDistinct)) grow_slots();
  const std::uint64_t bits = bit_pattern(value);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash_slot(bits, slot_bits_);; slot = (slot + 1) & mask) {
    const std::uint32_t entry = slots_[slot];
    if (entry != 0 && bit_pattern(dictionary_[entry - 1]) == bits) return entry - 1;
    if (entry != 0) continue;
    if (dictionary_.size() == kMaxDistinct) return kMaxDistinct;
    dictionary_.push_back(value);
    slots_[slot] = static_cast<std::uint32_t>(dictionary_.size());
    return static_cast<std::uint32_t>(dictionary_.size() - 1);
  }
}

void NumberValues::grow_slots() {
  slot_bits_ = 6;
  while ((std::size_t{1} << slot_bits_) < 2 * (dictionary_.size() + 1)) ++slot_bits_;
  const std::size_t count = std::size_t{1} << slot_bits_;
  slots_.assign(count, 0);
  for (std::size_t place = 0; place < dictionary_.size(); ++place) {
    std::size_t slot = hash_slot(bit_pattern(dictionary_[place]), slot_bits_);
    while (slots_[slot] != 0) slot = (slot + 1) & (count - 1);
    slots_[slot] = static_cast<std::uint32_t>(place + 1);
  }
}

void NumberValues::leave_dictionary() {
  // The decimals every distinct value needs, then each one's units with that many.
  int decimals = 0;
  bool fits = true;
  for (double value : dictionary_) {
    if (std::isnan(value)) continue;
    const int needed = decimals_of(value);
    fits = fits && needed >= 0;
    decimals = std::max(decimals, needed);
  }
  std::vector<std::int32_t> units(dictionary_.size(), kMissing);
  for (std::size_t place = 0; fits && place < dictionary_.size(); ++place) {
    const double value = dictionary_[place];
    if (std::isnan(value)) continue;
    const double scaled = units_at(value, decimals);
    fits = gives_back(scaled, decimals, value);
    if (!fits) break;
    units[place] = static_cast<std::int32_t>(scaled);
    largest_units_ = std::max(largest_units_, static_cast<std::int64_t>(std::fabs(scaled)));
  }
  const std::size_t rows = codes_.size();
  const std::size_t room = reserved_ > rows ? reserved_ : rows + 1;
  if (fits) {
    decimals_ = decimals;
    units_.reserve(room);
    for (std::size_t r = 0; r < rows; ++r) units_.push_back(units[codes_[r]]);
  } else {
    plain_.reserve(room);
    for (std::size_t r = 0; r < rows; ++r) plain_.push_back(dictionary_[codes_[r]]);
  }
  storage_ = fits ? Storage::decimals : Storage::plain;
  codes_ = Codes();
  std::vector<double>().swap(dictionary_);
  shrink();
}

bool NumberValues::take_decimals(double value) {
  if (std::isnan(value)) {
    units_.push_back(kMissing);
    return true;
  }
  const int needed = decimals_of(value);
  if (needed < 0) return false;
  const int decimals = std::max(decimals_, needed);
  const double scaled = units_at(value, decimals);
  const double growth = kPowersOfTen[decimals - decimals_];  // the rows so far, in the new units
  if (!gives_back(scaled, decimals, value) ||
      static_cast<double>(largest_units_) * growth > kMostUnits) {
    return false;
  }
  if (decimals > decimals_) {
    // Exact: units * 10^k over 10^(d + k) is the same rational number, so the same double.
    for (std::int32_t& units : units_) {
      if (units != kMissing) units *= static_cast<std::int32_t>(growth);
    }
    largest_units_ *= static_cast<std::int64_t>(growth);
    decimals_ = decimals;
  }
  units_.push_back(static_cast<std::int32_t>(scaled));
  largest_units_ = std::max(largest_units_, static_cast<std::int64_t>(std::fabs(scaled)));
  return true;
}

void NumberValues::store_plainly() {
  const std::size_t rows = units_.size();
  plain_.reserve(reserved_ > rows ? reserved_ : rows + 1);
  for (std::size_t r = 0; r < rows; ++r) plain_.push_back((*this)[r]);
  storage_ = Storage::plain;
  std::vector<std::int32_t>().swap(units_);
}

}  // namespace gradtape
