// UTF-8 validation and Windows-1252 conversion through iconv; see text_encoding.h.
#include "ingest/text_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <stdexcept>
#include <string_view>

namespace stroom {
namespace {

// Converts with iconv, appending on_invalid for a byte the source code page leaves undefined.
void convert(const char* from, const std::string& input, std::string& output, std::string_view on_invalid) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == iconv_t(-1)) throw std::runtime_error("iconv kent de tekenset niet");
  output.clear();
  output.reserve(input.size() + input.size() / 8 + 16);
  char* in = const_cast<char*>(input.data());
  size_t in_left = input.size();
  char buffer[1 << 16];
  while (in_left > 0) {
    char* out = buffer;
    size_t out_left = sizeof buffer;
    size_t rc = iconv(cd, &in, &in_left, &out, &out_left);
    output.append(buffer, size_t(out - buffer));
    if (rc != size_t(-1) || errno == E2BIG) continue;
    output.append(on_invalid);
    ++in;
    --in_left;
  }
  iconv_close(cd);
}

// UTF-8 as RFC 3629 defines it. Not iconv: glibc's UTF-8 decoder also accepts code points above
// U+10FFFF (F4 90 .., lead bytes F5 to FD), which nlohmann::json refuses to write (the history
// table, the API), so such a file is read as Windows-1252 like any other invalid UTF-8.
bool is_valid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = 1;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // no overlong forms
      if (c == 0xED) high = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // no overlong forms
      if (c == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
      return false;
    }
    if (text.size() - i < length) return false;
    for (size_t k = 1; k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(text[i + k]);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

DecodedText decode_to_utf8(std::string bytes) {
  DecodedText result;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    result.encoding = SourceEncoding::utf8_with_bom;
  }
  if (is_valid_utf8(bytes)) {
    result.text = std::move(bytes);
    return result;
  }
  result.encoding = SourceEncoding::windows1252;
  convert("WINDOWS-1252", bytes, result.text, "\xEF\xBF\xBD");
  return result;
}

const char* encoding_name(SourceEncoding encoding) {
  switch (encoding) {
    case SourceEncoding::utf8: return "UTF-8";
    case SourceEncoding::utf8_with_bom: return "UTF-8 met BOM";
    case SourceEncoding::windows1252: return "Windows-1252";
  }
  return "";
}

}  // namespace stroom
