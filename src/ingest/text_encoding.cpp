// UTF-8 validation and Windows-1252 conversion through iconv; see text_encoding.h.
#include "ingest/text_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <stdexcept>

namespace stroom {
namespace {

// Converts with iconv. With on_invalid empty, returns false at the first invalid byte (used to
// validate UTF-8); otherwise appends on_invalid for such a byte and goes on.
bool convert(const char* from, const std::string& input, std::string& output,
             std::string_view on_invalid) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == iconv_t(-1)) throw std::runtime_error("iconv kent de tekenset niet");
  output.clear();
  output.reserve(input.size() + input.size() / 8 + 16);
  char* in = const_cast<char*>(input.data());
  size_t in_left = input.size();
  char buffer[1 << 16];
  bool valid = true;
  while (in_left > 0) {
    char* out = buffer;
    size_t out_left = sizeof buffer;
    size_t rc = iconv(cd, &in, &in_left, &out, &out_left);
    output.append(buffer, size_t(out - buffer));
    if (rc != size_t(-1) || errno == E2BIG) continue;
    if (on_invalid.empty()) {
      valid = false;
      break;
    }
    output.append(on_invalid);  // a byte the code page leaves undefined
    ++in;
    --in_left;
  }
  iconv_close(cd);
  return valid;
}

}  // namespace

DecodedText decode_to_utf8(std::string bytes) {
  DecodedText result;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    result.encoding = SourceEncoding::utf8_with_bom;
  }
  std::string validated;
  if (convert("UTF-8", bytes, validated, {})) {
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
