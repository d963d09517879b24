// Escaping control characters for log lines; see log_line.h.
#include "server/log_line.h"

#include <fmt/format.h>

namespace stroom {

std::string log_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // C1 controls U+0080..U+009F are 0xC2 0x80..0x9F in UTF-8; U+009B (CSI) acts like ESC [.
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F &&
        static_cast<unsigned char>(text[i + 1]) >= 0x80) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));
      continue;
    }
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case 0x1B: out += "\\e"; break;
      default:
        if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
        else out += char(c);
    }
  }
  return out;
}

}  // namespace stroom
