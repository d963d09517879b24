// The one CSV writer for everything stroom writes as CSV: measure output (`--format csv`), the
// audit export, the rejects report and the generator's region files. The reader's counterpart
// (csv_reader.h): callers hand it cells, it alone knows the delimiter and the quoting.
//
// RFC 4180: fields separated by ';', records ended by '\n', a field that contains ';', '"', CR or
// LF enclosed in quotes with its quotes doubled. For files a person opens in a spreadsheet, a text
// cell that starts with '=', '+', '-', '@', tab or CR gets a leading "'" so that it cannot run as
// a formula (formula injection, docs/privacy.md); number cells are written as they are, so -3.5
// stays a number. The web app's download (web/src/csv.ts) follows exactly the same rules.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace stroom {

// Who reads the file decides whether text cells are guarded against formula injection.
enum class CsvAudience : uint8_t {
  spreadsheet,  // a person opens it: measure csv, audit export, rejects report (docs/exports.md)
  program,      // stroom's own import reads it back (the generator's files): quoting only
};

// True when a spreadsheet would read the text as the start of a formula.
bool starts_like_formula(std::string_view text);

class CsvWriter {
 public:
  explicit CsvWriter(CsvAudience audience) : audience_(audience) {}

  // A cell of free or coded text: guarded for spreadsheets, quoted when needed.
  CsvWriter& text(std::string_view value);
  // A cell already written as a number (or another value that is not text, such as "<5" or an
  // empty value): never prefixed, quoted only when needed.
  CsvWriter& number(std::string_view value);
  CsvWriter& number(int64_t value);
  // Ends the record.
  void end_row();
  // A whole record of text cells, e.g. the header line.
  void row(std::initializer_list<std::string_view> texts);

  const std::string& str() const { return out_; }
  std::string take();
  // Empties the records written so far, keeping the capacity (for writers that flush in blocks).
  void clear();
  void reserve(size_t bytes) { out_.reserve(bytes); }

 private:
  void field(std::string_view value, bool guard);

  std::string out_;
  size_t row_fields_ = 0;  // cells written in the current record
  CsvAudience audience_;
};

}  // namespace stroom
