// The one trim: a view of text without the blanks at either end. Fields, dates and header names
// all trim through here, so "what counts as surrounding blank" is decided in one place.
#pragma once

#include <string_view>

namespace stroom {

// Spaces and tabs: what a hand-typed or exported CSV field carries around its value.
inline constexpr std::string_view kBlanks = " \t";
// Every ASCII white-space character (as std::isspace in the C locale), for names such as header
// cells and file names, where a stray line end or form feed is also only noise.
inline constexpr std::string_view kWhiteSpace = " \t\n\v\f\r";

// `text` without leading and trailing characters from `blanks`.
constexpr std::string_view trim(std::string_view text, std::string_view blanks = kBlanks) {
  const size_t first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

}  // namespace stroom
