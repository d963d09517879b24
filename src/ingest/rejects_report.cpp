// Writing the rejects report; see rejects_report.h.
#include "ingest/rejects_report.h"

#include "ingest/csv_writer.h"

#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

namespace stroom {

void write_rejects_report(std::ostream& out, const std::vector<FileImportResult>& results) {
  CsvWriter csv(CsvAudience::spreadsheet);  // opened by the person who fixes the source files
  csv.row({"bestand", "regel", "kolom", "reden"});
  for (const auto& result : results) {
    if (result.failed) {
      csv.text(result.file).number("").text("").text(result.failure).end_row();
      continue;
    }
    for (const auto& reject : result.rejects)
      csv.text(reject.file).number(int64_t(reject.line)).text(reject.column).text(reject.reason).end_row();
    for (const auto& warning : result.field_warnings)  // imported, but changed: the user should know
      csv.text(warning.file).number(int64_t(warning.line)).text(warning.column).text("waarschuwing: " + warning.reason).end_row();
    out << csv.str();  // file by file, so a large report is not held twice
    csv.clear();
  }
  out << csv.str();
}

void write_rejects_report(const std::filesystem::path& path,
                          const std::vector<FileImportResult>& results) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(fmt::format("kan afwijzingenrapport {} niet schrijven", path.string()));
  write_rejects_report(out, results);
}

}  // namespace stroom
