// The maatboek page (docs/maatboek.md) written from the measure registry, so the documentation
// can never say something else than the code computes. A test fails when the committed page is
// out of date; `stroom maatboek --out docs/maatboek.md` refreshes it.
#pragma once

#include <string>

namespace stroom {

std::string render_maatboek_markdown();

}  // namespace stroom
