// Outside input made safe to put in a log line or a terminal message.
//
// A user name, a request path or a value from an imported file may hold a newline (which would
// forge a second log line), ESC or a C1 control (which a terminal runs as an escape sequence) or
// other control characters. log_safe() writes each of them as a visible escape (\n, \r, \t, \e,
// \xHH, or \u00HH for C1) and a backslash as \\, so the text stays one line, stays readable,
// and cannot be confused with an escape that was in the input. Everything else, UTF-8 included,
// is kept as it is. Used wherever a log line or a message on stderr includes outside input.
#pragma once

#include <string>
#include <string_view>

namespace stroom {

std::string log_safe(std::string_view text);

}  // namespace stroom
