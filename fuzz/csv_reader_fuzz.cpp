// libFuzzer target: arbitrary bytes as an exported CSV file, read the way the importer reads it.
//
// import_file (importer.cpp) decodes the file's bytes with decode_to_utf8 (BOM, UTF-8 check,
// Windows-1252 fallback) and walks CsvReader over the text (delimiter detection, RFC 4180
// quoting, CRLF, blank lines); this target does the same and touches every byte of every field,
// so that ASan sees a view that outlived its buffer. Besides the sanitizers it checks:
//   - the decoded text is valid UTF-8 and the delimiter is ';' or ',';
//   - records start on strictly increasing lines that exist in the text, the reader only moves
//     forward, and no record is blank unless it is an unterminated quote;
//   - writing the records back with every field quoted and reading that again gives the same
//     fields (up to an unterminated quote, which takes the rest of the file).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "ingest/csv_reader.h"
#include "ingest/text_encoding.h"

namespace {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view text) {
  size_t i = 0;
  auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  while (i < text.size()) {
    const unsigned char c = byte(i);
    size_t length;
    unsigned min, code;
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xDF) { length = 2; min = 0x80; code = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { length = 3; min = 0x800; code = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { length = 4; min = 0x10000; code = c & 0x07; }
    else return false;
    if (i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return false;
      code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

using Rows = std::vector<std::vector<std::string>>;

// Every field quoted, quotes doubled: the one form every RFC 4180 reader must read back exactly.
std::string write_quoted(const Rows& rows, char delimiter) {
  std::string out;
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += delimiter;
      out += '"';
      for (char c : row[i]) out.append(c == '"' ? 2 : 1, c);
      out += '"';
    }
    out += '\n';
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  stroom::DecodedText decoded =
      stroom::decode_to_utf8(std::string(reinterpret_cast<const char*>(data), size));
  const std::string& text = decoded.text;
  FUZZ_CHECK(valid_utf8(text));
  FUZZ_CHECK(stroom::encoding_name(decoded.encoding)[0] != '\0');

  stroom::CsvReader reader(text);
  FUZZ_CHECK(reader.delimiter() == ';' || reader.delimiter() == ',');
  size_t newlines = 0;
  for (char c : text) newlines += c == '\n';

  Rows rows;  // the records before the first unterminated quote
  bool unterminated = false;
  size_t last_line = 0, last_offset = 0;
  unsigned checksum = 0;  // read every byte of every field: ASan then sees a dangling view
  stroom::CsvRecord record;
  while (reader.next(record)) {
    FUZZ_CHECK(record.line > last_line && record.line <= newlines + 1);
    FUZZ_CHECK(reader.offset() > last_offset && reader.offset() <= text.size());
    FUZZ_CHECK(!record.fields.empty());
    FUZZ_CHECK(record.unterminated_quote || record.fields.size() > 1 || !record.fields[0].empty());
    last_line = record.line;
    last_offset = reader.offset();
    for (std::string_view field : record.fields)
      for (char c : field) checksum += static_cast<unsigned char>(c);
    if (record.unterminated_quote) {
      FUZZ_CHECK(reader.offset() == text.size());
      unterminated = true;
    }
    if (!unterminated) rows.emplace_back(record.fields.begin(), record.fields.end());
  }
  FUZZ_CHECK(reader.offset() == text.size() || unterminated);

  const std::string rewritten = write_quoted(rows, reader.delimiter());
  stroom::CsvReader again(rewritten);
  if (again.delimiter() == reader.delimiter()) {  // a one-field first row cannot tell ',' from ';'
    Rows reread;
    while (again.next(record)) {
      FUZZ_CHECK(!record.unterminated_quote);
      reread.emplace_back(record.fields.begin(), record.fields.end());
    }
    FUZZ_CHECK(reread == rows);
  }
  volatile unsigned sink = checksum;  // keeps the reads from being optimised away
  (void)sink;
  return 0;
}
