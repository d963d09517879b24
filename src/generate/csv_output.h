// Writing the generated CSV files fast: rows are built in reusable fields (no allocation per
// row once warmed up), written through the one CSV writer (ingest/csv_writer.h) into a large
// buffer and flushed in big blocks.
//
// The files are read back by stroom's import, not by a spreadsheet, so the writer only quotes
// (CsvAudience::program): a dirty value such as -12 must reach the importer as it is.
// A file that cannot be written raises GenerateWriteError (the CLI's exit code 2).
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ingest/csv_writer.h"
#include "ingest/file_schema.h"

namespace stroom {

class GenerateWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One row being built. Fields keep their capacity between rows.
class CsvRow {
 public:
  static constexpr size_t kMaxFields = 12;

  void clear() { count_ = 0; }
  size_t size() const { return count_; }
  std::string& operator[](size_t i) { return fields_[i]; }
  const std::string& operator[](size_t i) const { return fields_[i]; }

  std::string& add();  // the next field, empty
  void add_text(std::string_view text) { add().assign(text); }
  void add_empty() { add(); }
  void add_date(int32_t day);        // YYYY-MM-DD; empty for kNoDay
  void add_integer(int64_t value);
  void add_cents(int64_t cents);     // 1234.50

 private:
  std::array<std::string, kMaxFields> fields_;
  size_t count_ = 0;
};

// Writes an ISO date (YYYY-MM-DD) into out, replacing its contents.
void format_iso_date(int32_t day, std::string& out);

class DirtyMixer;

class CsvFileWriter {
 public:
  // Opens the file and writes the header: the schema's columns in the schema's order. With a
  // mixer, every row passes through it before it is written.
  CsvFileWriter(const std::filesystem::path& path, const FileSchema& schema, DirtyMixer* dirty = nullptr);
  ~CsvFileWriter();
  CsvFileWriter(const CsvFileWriter&) = delete;
  CsvFileWriter& operator=(const CsvFileWriter&) = delete;

  CsvRow& row() {
    row_.clear();
    return row_;
  }
  void commit();  // writes the row built since row()
  void finish();  // flushes and closes; throws GenerateWriteError on failure
  int64_t rows() const { return rows_; }

 private:
  void append(const CsvRow& row);
  void flush();
  [[noreturn]] void fail(const char* what);

  std::filesystem::path path_;
  size_t columns_ = 0;
  std::FILE* file_ = nullptr;
  CsvWriter buffer_{CsvAudience::program};
  CsvRow row_;
  DirtyMixer* dirty_ = nullptr;
  int64_t rows_ = 0;
};

}  // namespace stroom
