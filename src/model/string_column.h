// Many short strings in one character buffer: string i is chars[offsets[i], offsets[i+1]).
//
// The model keeps millions of pupil ids (35-character pseudonyms at national size). As separate
// std::strings each is a heap block of its own; here they cost their characters plus 4 bytes,
// and loading them is an append instead of an allocation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stroom {

class StringColumn {
 public:
  size_t size() const { return offsets_.size() - 1; }
  bool empty() const { return size() == 0; }
  std::string_view operator[](size_t i) const {
    return std::string_view(chars_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  // Appends a string; throws std::length_error past 4 GiB of characters in all.
  void push_back(std::string_view text);
  // Room for `strings` strings of `chars` characters in all, without reallocating.
  void reserve(size_t strings, size_t chars);
  // Empties the column, keeping its memory for what comes next.
  void clear();

 private:
  std::string chars_;
  std::vector<uint32_t> offsets_{0};
};

}  // namespace stroom
