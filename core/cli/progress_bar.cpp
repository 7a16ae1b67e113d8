#include "core/cli/progress_bar.h"

#include <unistd.h>
#include <cstdio>

namespace gradtape::cli {

ProgressBar::ProgressBar() : enabled_(isatty(fileno(stderr)) != 0) {}

void ProgressBar::start(int epoch, int epochs, std::size_t total) {
  epoch_ = epoch;
  epochs_ = epochs;
  total_ = total;
  started_ = Clock::now();
  last_draw_ = Clock::time_point{};
  update(0);
}

std::string format_clock(double seconds) {
  const long whole = static_cast<long>(seconds + 0.5);
  char text[32];
  std::snprintf(text, sizeof text, "%02ld:%02ld", whole / 60, whole % 60);
  return text;
}

void ProgressBar::update(std::size_t done) {
  if (!enabled_ || total_ == 0) return;
  const Clock::time_point now = Clock::now();
  if (done < total_ && now - last_draw_ < std::chrono::milliseconds(50)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const double rate = elapsed > 0 ? done / elapsed : 0.0;
  const double eta = rate > 0 ? (total_ - done) / rate : 0.0;
  // Ten cells, each in eighths, as tqdm draws them.
  static const char* const kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  const std::size_t eighths = done * 80 / total_;
  std::string bar;
  for (std::size_t i = 0; i < eighths / 8; ++i) bar += "█";
  std::size_t cells = eighths / 8;
  if (cells < 10) {
    bar += kEighths[eighths % 8];
    cells += (eighths % 8) ? 1 : 0;
  }
  bar.append(10 - cells, ' ');
  std::fprintf(stderr, "\rEpoch %d/%d %3zu%%|%s| %zu/%zu [%s<%s, %.1f batch/s]\033[K", epoch_,
               epochs_, done * 100 / total_, bar.c_str(), done, total_,
               format_clock(elapsed).c_str(), format_clock(eta).c_str(), rate);
  std::fflush(stderr);
}

void ProgressBar::clear() {
  if (!enabled_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

}  // namespace gradtape::cli
