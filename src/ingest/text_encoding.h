// Turns the bytes of an exported file into UTF-8 text.
//
// School and SWV systems export UTF-8 with or without a byte-order mark, or Windows-1252 (Excel
// on Dutch Windows). A file that is not valid UTF-8 is taken to be Windows-1252 and converted
// with iconv; both decisions are reported so the summary can say what was read.
#pragma once

#include <string>

namespace stroom {

enum class SourceEncoding { utf8, utf8_with_bom, windows1252 };

struct DecodedText {
  std::string text;  // UTF-8, without BOM
  SourceEncoding encoding = SourceEncoding::utf8;
};

DecodedText decode_to_utf8(std::string bytes);
const char* encoding_name(SourceEncoding encoding);

}  // namespace stroom
