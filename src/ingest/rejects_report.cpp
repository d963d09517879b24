// Writing the rejects report; see rejects_report.h.
#include "ingest/rejects_report.h"

#include "ingest/csv_field.h"

#include <fstream>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace stroom {

void write_rejects_report(std::ostream& out, const std::vector<FileImportResult>& results) {
  out << "bestand;regel;kolom;reden\n";
  for (const auto& result : results) {
    if (result.failed) {
      fmt::print(out, "{};;;{}\n", csv_field(result.file), csv_field(result.failure));
      continue;
    }
    for (const auto& reject : result.rejects)
      fmt::print(out, "{};{};{};{}\n", csv_field(reject.file), reject.line,
                 csv_field(reject.column), csv_field(reject.reason));
    for (const auto& warning : result.field_warnings)  // imported, but changed: the user should know
      fmt::print(out, "{};{};{};{}\n", csv_field(warning.file), warning.line,
                 csv_field(warning.column), csv_field("waarschuwing: " + warning.reason));
  }
}

void write_rejects_report(const std::filesystem::path& path,
                          const std::vector<FileImportResult>& results) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(fmt::format("kan afwijzingenrapport {} niet schrijven", path.string()));
  write_rejects_report(out, results);
}

}  // namespace stroom
