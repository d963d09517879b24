// Buffered CSV writing; see csv_output.h.
#include "generate/csv_output.h"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "generate/day_numbers.h"
#include "generate/dirty_data.h"

namespace stroom {
namespace {

constexpr size_t kBufferBytes = 4 << 20;  // flushed in blocks of about 4 MiB

void put_digits(char* at, unsigned value, int digits) {
  for (int i = digits - 1; i >= 0; --i, value /= 10) at[i] = char('0' + value % 10);
}

}  // namespace

std::string& CsvRow::add() {
  if (count_ == kMaxFields) throw std::logic_error("CsvRow: te veel velden");
  std::string& field = fields_[count_++];
  field.clear();
  return field;
}

void format_iso_date(int32_t day, std::string& out) {
  const CivilDate c = civil_date(day);
  out.resize(10);
  put_digits(out.data(), unsigned(c.year), 4);
  out[4] = '-';
  put_digits(out.data() + 5, unsigned(c.month), 2);
  out[7] = '-';
  put_digits(out.data() + 8, unsigned(c.day), 2);
}

void CsvRow::add_date(int32_t day) {
  std::string& field = add();
  if (day != kNoDay) format_iso_date(day, field);
}

void CsvRow::add_integer(int64_t value) {
  char text[24];
  const auto result = fmt::format_to_n(text, sizeof text, "{}", value);
  add().assign(text, result.out);
}

void CsvRow::add_cents(int64_t cents) {
  char text[32];
  const auto result = fmt::format_to_n(text, sizeof text, "{}.{:02}", cents / 100, cents % 100);
  add().assign(text, result.out);
}

CsvFileWriter::CsvFileWriter(const std::filesystem::path& path, const FileSchema& schema, DirtyMixer* dirty)
    : path_(path), columns_(schema.columns.size()), dirty_(dirty) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) fail("openen");
  buffer_.reserve(kBufferBytes + 4096);
  for (const auto& column : schema.columns) buffer_.text(column.name);
  buffer_.end_row();
}

CsvFileWriter::~CsvFileWriter() {
  if (file_) std::fclose(file_);
}

void CsvFileWriter::fail(const char* what) {
  const std::string reason = std::strerror(errno);
  if (file_) std::fclose(file_);
  file_ = nullptr;
  throw GenerateWriteError(fmt::format("kan {} niet {}: {}", path_.string(), what, reason));
}

void CsvFileWriter::commit() {
  if (row_.size() != columns_)
    throw std::logic_error(fmt::format("{}: rij met {} velden, verwacht {}", path_.string(), row_.size(), columns_));
  const int copies = dirty_ ? dirty_->apply(row_) : 1;
  for (int i = 0; i < copies; ++i) append(row_);
}

void CsvFileWriter::append(const CsvRow& row) {
  for (size_t i = 0; i < row.size(); ++i) buffer_.text(row[i]);
  buffer_.end_row();
  ++rows_;
  if (buffer_.str().size() >= kBufferBytes) flush();
}

void CsvFileWriter::flush() {
  const std::string& text = buffer_.str();
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), file_) != text.size()) fail("schrijven");
  buffer_.clear();
}

void CsvFileWriter::finish() {
  if (!file_) return;
  flush();
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (closed != 0) {
    const std::string reason = std::strerror(errno);
    throw GenerateWriteError(fmt::format("kan {} niet schrijven: {}", path_.string(), reason));
  }
}

}  // namespace stroom
