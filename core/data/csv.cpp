#include "core/data/csv.h"

namespace gradtape {

CsvScanner::CsvScanner(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {
  stops_.fill(false);
  stops_[static_cast<unsigned char>(delimiter)] = true;
  stops_['\n'] = stops_['\r'] = true;
}

bool CsvScanner::next() {
  fields_.clear();
  unescaped_.clear();
  if (failed_ || !skip_blank_lines()) return false;
  record_line_ = line_;
  const char* const data = text_.data();
  const std::size_t size = text_.size();
  for (;;) {
    if (pos_ < size && data[pos_] == '"') {
      if (!quoted_field()) return false;
    } else {
      std::size_t p = pos_;
      while (p < size && !stops_[static_cast<unsigned char>(data[p])]) ++p;
      fields_.push_back(text_.substr(pos_, p - pos_));
      pos_ = p;
    }
    if (pos_ < size && data[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    consume_line_end();
    return true;
  }
}

// Skips lines that hold nothing but spaces (and tabs, unless tab is the delimiter).
bool CsvScanner::skip_blank_lines() {
  for (;;) {
    std::size_t p = pos_;
    while (p < text_.size() && (text_[p] == ' ' || (text_[p] == '\t' && delimiter_ != '\t'))) ++p;
    if (p == text_.size()) {
      pos_ = p;
      return false;
    }
    if (text_[p] != '\n' && text_[p] != '\r') return true;
    pos_ = p;
    consume_line_end();
  }
}

void CsvScanner::consume_line_end() {
  if (pos_ >= text_.size()) return;
  if (text_[pos_] == '\r') ++pos_;
  if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  ++line_;
}

void CsvScanner::count_lines(std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (text_[i] == '\n' || (text_[i] == '\r' && text_[i + 1] != '\n')) ++line_;
  }
}

bool CsvScanner::quoted_field() {
  const std::size_t open_line = line_;
  const std::size_t start = ++pos_;
  std::string* copy = nullptr;  // set once the field stops being a slice of the text
  auto start_copy = [&](std::size_t end) {
    copy = &unescaped_.emplace_back(text_.substr(start, end - start));
  };
  for (;;) {
    const std::size_t quote = text_.find('"', pos_);
    if (quote == std::string_view::npos) {
      failed_ = true;
      error_ = Error{"line " + std::to_string(open_line) + ": the quoted field " +
                     std::to_string(fields_.size() + 1) +
                     " opens here and is never closed; a \" is missing or stray"};
      return false;
    }
    count_lines(pos_, quote);
    if (quote + 1 < text_.size() && text_[quote + 1] == '"') {  // "" stands for one quote
      if (copy)
        copy->append(text_.substr(pos_, quote - pos_));
      else
        start_copy(quote);
      copy->push_back('"');
      pos_ = quote + 2;
      continue;
    }
    if (copy) copy->append(text_.substr(pos_, quote - pos_));
    const std::size_t content_end = quote;
    pos_ = quote + 1;
    const std::size_t tail = pos_;
    while (pos_ < text_.size() && !stops_[static_cast<unsigned char>(text_[pos_])]) ++pos_;
    if (pos_ != tail) {
      if (!copy) start_copy(content_end);
      copy->append(text_.substr(tail, pos_ - tail));
    }
    fields_.push_back(copy ? std::string_view(*copy) : text_.substr(start, content_end - start));
    return true;
  }
}

namespace {

// Field counts of the first records of `sample`; a record cut by the end of the sample is left out.
std::vector<std::size_t> sample_field_counts(std::string_view sample, bool truncated,
                                             char delimiter) {
  constexpr std::size_t kRecords = 30;
  CsvScanner scanner(sample, delimiter);
  std::vector<std::size_t> counts;
  while (counts.size() < kRecords && scanner.next()) {
    if (truncated && scanner.position() == sample.size() && !counts.empty()) break;
    counts.push_back(scanner.fields().size());
  }
  return counts;
}

}  // namespace

char sniff_delimiter(std::string_view text) {
  constexpr std::size_t kSampleBytes = 64 * 1024;
  const bool truncated = text.size() > kSampleBytes;
  const std::string_view sample = text.substr(0, kSampleBytes);
  char best = ',';
  // Consistent splits beat inconsistent ones, then more fields, then the share of records that
  // match the header; earlier candidates win ties.
  bool best_consistent = false;
  std::size_t best_fields = 1;
  double best_share = 0;
  for (char candidate : {',', ';', '\t'}) {
    const std::vector<std::size_t> counts = sample_field_counts(sample, truncated, candidate);
    if (counts.empty() || counts[0] < 2) continue;
    std::size_t matching = 0;
    for (std::size_t count : counts) matching += count == counts[0];
    const double share = static_cast<double>(matching) / counts.size();
    const bool consistent = matching == counts.size();
    const bool better =
        consistent != best_consistent
            ? consistent
            : (consistent ? counts[0] > best_fields
                          : share > best_share || (share == best_share && counts[0] > best_fields));
    if (better) {
      best = candidate;
      best_consistent = consistent;
      best_fields = counts[0];
      best_share = share;
    }
  }
  return best;
}

}  // namespace gradtape
