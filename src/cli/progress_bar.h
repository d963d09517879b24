// A one-line progress bar on stderr, drawn only when stderr is a terminal (never in logs or CI).
#pragma once

#include <string>

namespace stroom::cli {

class ProgressBar {
 public:
  ProgressBar();
  ~ProgressBar();
  // done: share finished, 0..1. Redraws at most once per whole percent.
  void update(const std::string& label, double done);
  void clear();

 private:
  bool enabled_;
  int last_percent_ = -1;
  std::string last_label_;
  bool drawn_ = false;
};

}  // namespace stroom::cli
