// Exit status over several file imports; see import_result.h.
#include "ingest/import_result.h"

namespace stroom {

int import_exit_code(const std::vector<FileImportResult>& results) {
  bool any_rejected = false;
  for (const auto& result : results) {
    if (result.failed) return 2;
    any_rejected = any_rejected || result.rejected > 0;
  }
  return any_rejected ? 3 : 0;
}

}  // namespace stroom
