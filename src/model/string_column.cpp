// Strings in one buffer; see string_column.h.
#include "model/string_column.h"

#include <limits>
#include <stdexcept>

namespace stroom {

void StringColumn::push_back(std::string_view text) {
  if (chars_.size() + text.size() > std::numeric_limits<uint32_t>::max())
    throw std::length_error("StringColumn: more than 4 GiB of characters");
  chars_.append(text);
  offsets_.push_back(uint32_t(chars_.size()));
}

void StringColumn::reserve(size_t strings, size_t chars) {
  offsets_.reserve(strings + 1);
  chars_.reserve(chars);
}

void StringColumn::clear() {
  chars_.clear();
  offsets_.resize(1);
}

}  // namespace stroom
