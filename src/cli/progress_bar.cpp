// Terminal progress bar; see progress_bar.h.
#include "cli/progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

namespace stroom::cli {

ProgressBar::ProgressBar() : enabled_(isatty(STDERR_FILENO) == 1) {}
ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::update(const std::string& label, double done) {
  if (!enabled_) return;
  const int percent = std::clamp(int(done * 100.0), 0, 100);
  if (percent == last_percent_ && label == last_label_) return;
  last_percent_ = percent;
  last_label_ = label;
  constexpr int kWidth = 30;
  const int filled = percent * kWidth / 100;
  fmt::print(stderr, "\r{:<28.28} [{}{}] {:3}%", label, std::string(size_t(filled), '#'),
             std::string(size_t(kWidth - filled), '.'), percent);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  fmt::print(stderr, "\r{:70}\r", "");
  std::fflush(stderr);
  drawn_ = false;
  last_percent_ = -1;
}

}  // namespace stroom::cli
