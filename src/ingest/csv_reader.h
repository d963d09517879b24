// Reads RFC 4180 records from UTF-8 text held in memory.
//
// The delimiter (';' or ',') is detected from the header line. Fields are views into the text,
// or into the reader's own buffer when quotes had to be unescaped; they stay valid until the
// next call to next(). Each record carries the physical lines it starts and ends on, so every
// message can name them, and what looked wrong about its quotes: a quote that never closes, or
// one that swallowed a line break and then closed before more text (`"a⏎b"c`), which is how an
// unclosed quote on one line ends at the next quote of a later line.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace stroom {

struct CsvRecord {
  size_t line = 0;       // 1-based line where the record starts
  size_t last_line = 0;  // line of its last character (> line when a quoted field held a line break)
  std::vector<std::string_view> fields;
  bool unterminated_quote = false;  // the file ended inside a quoted field
  bool text_after_closing_quote = false;  // a quoted field with a line break had text after its close
  size_t quote_line = 0;  // where the quote of either problem opened
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text);

  char delimiter() const { return delimiter_; }
  // Reads the next non-empty record; false at the end of the text.
  bool next(CsvRecord& record);
  // How far the reader has come, in bytes of the text (for progress display).
  size_t offset() const { return pos_; }

 private:
  std::string_view read_quoted(CsvRecord& record);
  std::string_view read_plain();

  std::string_view text_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t content_line_ = 1;  // line of the last character read that is not a line break
  char delimiter_ = ';';
  std::deque<std::string> unescaped_;
};

}  // namespace stroom
