// Writing CSV cells and records; see csv_writer.h.
#include "ingest/csv_writer.h"

#include <fmt/format.h>

namespace stroom {
namespace {

constexpr char kDelimiter = ';';
constexpr std::string_view kNeedsQuotes = ";\"\r\n";

}  // namespace

bool starts_like_formula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
  }
}

void CsvWriter::field(std::string_view value, bool guard) {
  if (row_fields_++ > 0) out_ += kDelimiter;
  const bool prefix = guard && starts_like_formula(value);
  if (value.find_first_of(kNeedsQuotes) == std::string_view::npos) {
    if (prefix) out_ += '\'';
    out_ += value;
    return;
  }
  out_ += '"';
  if (prefix) out_ += '\'';
  for (char c : value) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

CsvWriter& CsvWriter::text(std::string_view value) {
  field(value, audience_ == CsvAudience::spreadsheet);
  return *this;
}

CsvWriter& CsvWriter::number(std::string_view value) {
  field(value, false);
  return *this;
}

CsvWriter& CsvWriter::number(int64_t value) {
  char digits[24];
  const auto result = fmt::format_to_n(digits, sizeof digits, "{}", value);
  field(std::string_view(digits, result.out), false);
  return *this;
}

void CsvWriter::end_row() {
  out_ += '\n';
  row_fields_ = 0;
}

std::string CsvWriter::take() {
  std::string text = std::move(out_);
  clear();
  return text;
}

void CsvWriter::clear() {
  out_.clear();
  row_fields_ = 0;
}

void CsvWriter::row(std::initializer_list<std::string_view> texts) {
  for (std::string_view value : texts) text(value);
  end_row();
}

}  // namespace stroom
