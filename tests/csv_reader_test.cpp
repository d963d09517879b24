// RFC 4180 reading: delimiters, quoting, line endings, line numbers and broken input.
#include <gtest/gtest.h>

#include "ingest/csv_reader.h"
#include "ingest/text_encoding.h"

namespace stroom {
namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text, std::vector<size_t>* lines = nullptr) {
  CsvReader reader(text);
  CsvRecord record;
  std::vector<std::vector<std::string>> rows;
  while (reader.next(record)) {
    rows.emplace_back(record.fields.begin(), record.fields.end());
    if (lines) lines->push_back(record.line);
  }
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, DetectsDelimiterFromHeader) {
  EXPECT_EQ(CsvReader("a;b,c\n").delimiter(), ';');
  EXPECT_EQ(CsvReader("a,b,c\n1;2,3\n").delimiter(), ',');
  EXPECT_EQ(CsvReader("\"a,b\";c\n").delimiter(), ';');  // commas inside quotes do not count
  EXPECT_EQ(CsvReader("single\n").delimiter(), ';');
  // Blank lines before the header are skipped by the reader, so they must not decide either.
  EXPECT_EQ(CsvReader("\r\n \n\na,b,c\n").delimiter(), ',');
  EXPECT_EQ(read_all("\n\na,b\n1,2\n"), (Rows{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvReader, HandlesQuotesEscapesAndEmbeddedNewlines) {
  std::vector<size_t> lines;
  Rows rows = read_all("a;b\n\"x;y\";\"he said \"\"hi\"\"\"\n\"two\nlines\";z\nlast;\"\"\n", &lines);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"x;y", "he said \"hi\""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"two\nlines", "z"}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"last", ""}));
  EXPECT_EQ(lines, (std::vector<size_t>{1, 2, 3, 5}));
}

TEST(CsvReader, CrlfAndLfGiveTheSameRecords) {
  EXPECT_EQ(read_all("a;b\r\n1;2\r\n\"q\";\r\n"), read_all("a;b\n1;2\n\"q\";\n"));
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
  std::vector<size_t> lines;
  Rows rows = read_all("a;b\n\n1;2\n\r\n3;4", &lines);
  EXPECT_EQ(rows.size(), 3u);
  EXPECT_EQ(lines, (std::vector<size_t>{1, 3, 5}));
}

TEST(CsvReader, ReportsUnterminatedQuote) {
  CsvReader reader("a;b\n1;\"open\n2;3\n");
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  ASSERT_TRUE(reader.next(record));
  EXPECT_TRUE(record.unterminated_quote);
  EXPECT_EQ(record.line, 2u);
  EXPECT_FALSE(reader.next(record));
}

TEST(TextEncoding, DetectsBomAndWindows1252) {
  auto plain = decode_to_utf8("caf\xC3\xA9");
  EXPECT_EQ(plain.encoding, SourceEncoding::utf8);
  EXPECT_EQ(plain.text, "caf\xC3\xA9");
  auto bom = decode_to_utf8("\xEF\xBB\xBF" "caf\xC3\xA9");
  EXPECT_EQ(bom.encoding, SourceEncoding::utf8_with_bom);
  EXPECT_EQ(bom.text, "caf\xC3\xA9");
  auto cp1252 = decode_to_utf8("caf\xE9 \x80 \x96");  // é, euro sign, en dash
  EXPECT_EQ(cp1252.encoding, SourceEncoding::windows1252);
  EXPECT_EQ(cp1252.text, "caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x93");
  auto undefined = decode_to_utf8("a\x81z");  // 0x81 has no character in Windows-1252
  EXPECT_EQ(undefined.text, "a\xEF\xBF\xBDz");
}

// Found by fuzz/csv_reader_fuzz (fuzz/corpus/csv_reader/regress_above_u10ffff.csv): glibc's iconv
// took F6 89 90 87 (a code point above U+10FFFF) for valid UTF-8, so the bytes went into the store
// unconverted, where nlohmann::json refuses them (history of a replaced row, the API). Only RFC 3629
// UTF-8 counts as UTF-8 now; anything else is Windows-1252.
TEST(TextEncoding, OnlyRfc3629CountsAsUtf8) {
  const std::string crash =
      "voorziening_id;naYm;onderwijssoort;plaatsen;tarief;ldig_vanaf;geldig_tot\n"
      "VZ-3;\"Rebound \"\"De Brug\"\"\";;12;14500,50;2022-08-01;\n"
      "\"VZ-4\";\"Time-out\xF6\x89\x90\x87rziening\";vso;8;\"21000.00\";-07-31\n";
  auto decoded = decode_to_utf8(crash);
  EXPECT_EQ(decoded.encoding, SourceEncoding::windows1252);
  Rows rows = read_all(decoded.text);
  ASSERT_EQ(rows.size(), 3u);
  // ö, per mille, U+FFFD for 0x90 (undefined in Windows-1252), double dagger
  EXPECT_EQ(rows[2][1], "Time-out\xC3\xB6\xE2\x80\xB0\xEF\xBF\xBD\xE2\x80\xA1rziening");

  for (const char* invalid : {"\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\xED\xA0\x80", "\xC0\xAF",
                              "\xE0\x80\xAF", "\xF0\x80\x80\xAF", "\xC3"})
    EXPECT_EQ(decode_to_utf8(invalid).encoding, SourceEncoding::windows1252) << invalid;
  for (const char* valid : {"\xC3\xA9", "\xE2\x82\xAC", "\xED\x9F\xBF", "\xF0\x9F\x98\x80",
                            "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBE"})
    EXPECT_EQ(decode_to_utf8(valid).encoding, SourceEncoding::utf8) << valid;
}

}  // namespace
}  // namespace stroom
