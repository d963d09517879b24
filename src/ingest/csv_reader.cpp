// RFC 4180 record reading with delimiter detection; see csv_reader.h.
#include "ingest/csv_reader.h"

#include <algorithm>

namespace stroom {
namespace {

// Counts on the first line with content (the header), since blank lines before it are skipped.
char detect_delimiter(std::string_view text) {
  size_t semicolons = 0;
  size_t commas = 0;
  bool quoted = false;
  bool content = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' && content) break;
    content |= c != '\n' && c != '\r' && c != ' ' && c != '\t';
    semicolons += c == ';';
    commas += c == ',';
  }
  return commas > semicolons ? ',' : ';';
}

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text), delimiter_(detect_delimiter(text)) {}

std::string_view CsvReader::read_plain() {
  const size_t start = pos_;
  while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n') ++pos_;
  if (pos_ > start) content_line_ = line_;
  size_t end = pos_;
  if (end > start && text_[end - 1] == '\r' && (pos_ == text_.size() || text_[pos_] == '\n')) --end;
  return text_.substr(start, end - start);
}

std::string_view CsvReader::read_quoted(CsvRecord& record) {
  ++pos_;  // opening quote
  const size_t start = pos_;
  const size_t opening_line = line_;
  content_line_ = line_;
  std::string* unescaped = nullptr;
  while (true) {
    if (pos_ >= text_.size()) {
      record.unterminated_quote = true;
      record.quote_line = opening_line;
      break;
    }
    const char c = text_[pos_];
    if (c != '\n' && c != '\r') content_line_ = line_;
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {  // "" inside quotes
        if (!unescaped) unescaped = &unescaped_.emplace_back(text_.substr(start, pos_ - start));
        unescaped->push_back('"');
        pos_ += 2;
        continue;
      }
      ++pos_;  // closing quote
      break;
    }
    if (c == '\n') ++line_;
    if (unescaped) unescaped->push_back(c);
    ++pos_;
  }
  const size_t end = record.unterminated_quote ? pos_ : pos_ - 1;
  std::string_view value = unescaped ? std::string_view(*unescaped) : text_.substr(start, end - start);
  // Text between the closing quote and the delimiter (`"a"b`) is kept, as most readers do.
  const size_t tail_start = pos_;
  std::string_view tail = read_plain();
  if (tail.empty()) return value;
  if (line_ > opening_line && !record.unterminated_quote && record.quote_line == 0) {
    record.text_after_closing_quote = true;
    record.quote_line = opening_line;
  }
  std::string& joined = unescaped_.emplace_back(value);
  joined.append(text_.substr(tail_start, tail.size()));
  return joined;
}

bool CsvReader::next(CsvRecord& record) {
  unescaped_.clear();
  while (pos_ < text_.size()) {
    record.fields.clear();
    record.unterminated_quote = false;
    record.text_after_closing_quote = false;
    record.quote_line = 0;
    record.line = line_;
    while (true) {
      record.fields.push_back(pos_ < text_.size() && text_[pos_] == '"' ? read_quoted(record)
                                                                       : read_plain());
      if (pos_ < text_.size() && text_[pos_] == delimiter_) {
        ++pos_;
        continue;
      }
      break;
    }
    record.last_line = std::max(record.line, content_line_);
    if (pos_ < text_.size() && text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank || record.unterminated_quote) return true;
  }
  return false;
}

}  // namespace stroom
