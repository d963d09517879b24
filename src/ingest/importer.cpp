// One file from bytes to committed rows; see importer.h.
#include "ingest/importer.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ingest/csv_reader.h"
#include "ingest/field_rules.h"
#include "ingest/text_encoding.h"
#include "model/trim.h"
#include "store/registration_writer.h"

namespace stroom {
namespace {

std::string lower_trimmed(std::string_view text) {
  std::string lower(trim(text, kWhiteSpace));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return lower;
}

// Where each schema column sits in the file (or -1 when absent), plus what the header lacks.
struct HeaderMap {
  std::vector<int> field_of_column;
  std::vector<std::string> unknown;
  std::vector<std::string> missing_required;
  std::vector<std::string> duplicated;
};

HeaderMap map_header(const FileSchema& schema, const std::vector<std::string>& header) {
  HeaderMap map;
  map.field_of_column.assign(schema.columns.size(), -1);
  for (size_t field = 0; field < header.size(); ++field) {
    auto column = schema.column_index(header[field]);
    if (!column) {
      if (!header[field].empty()) map.unknown.push_back(header[field]);
      continue;
    }
    if (map.field_of_column[*column] >= 0) map.duplicated.push_back(header[field]);
    map.field_of_column[*column] = int(field);
  }
  for (size_t i = 0; i < schema.columns.size(); ++i)
    if (schema.columns[i].required && map.field_of_column[i] < 0)
      map.missing_required.emplace_back(schema.columns[i].name);
  return map;
}

// The kind from the file name (vestigingen*.csv, ...), else the kind whose required columns the
// header holds (the most specific one when several fit).
std::optional<FileKind> recognise_kind(const std::filesystem::path& file,
                                       const std::vector<std::string>& header) {
  const std::string name = lower_trimmed(file.filename().string());
  for (FileKind kind : kAllFileKinds)
    if (name.starts_with(file_schema(kind).name)) return kind;
  std::optional<FileKind> best;
  size_t best_required = 0;
  for (FileKind kind : kAllFileKinds) {
    const auto& schema = file_schema(kind);
    HeaderMap map = map_header(schema, header);
    size_t required = 0;
    for (const auto& column : schema.columns) required += column.required;
    if (map.missing_required.empty() && required > best_required) {
      best = kind;
      best_required = required;
    }
  }
  return best;
}

TableShape table_shape(const FileSchema& schema) {
  TableShape shape{schema.name, {}, {}};
  for (const auto& column : schema.columns) shape.columns.push_back(column.name);
  for (auto key : schema.key) shape.key_columns.push_back(*schema.column_index(key));
  return shape;
}

std::string key_label(const FileSchema& schema) { return fmt::format("{}", fmt::join(schema.key, "+")); }

// A record that runs over several lines because of a quote that was never closed (or closed only
// at some later quote) is one rejected row that names every line it swallowed: those lines are
// not counted as rows of their own, so without naming them they would vanish from "gelezen".
// A line break inside quotes is only plausible in free text; anywhere else it means the same.
std::optional<std::string> swallowed_lines(const FileSchema& schema, const HeaderMap& map,
                                           const CsvRecord& record, size_t header_size) {
  bool broken = record.unterminated_quote || record.text_after_closing_quote;
  if (!broken && record.last_line > record.line) {
    broken = record.fields.size() != header_size;
    for (size_t i = 0; i < schema.columns.size() && !broken; ++i) {
      const int field = map.field_of_column[i];
      broken = field >= 0 && schema.columns[i].type != FieldType::free_text &&
               record.fields[size_t(field)].find('\n') != std::string_view::npos;
    }
  }
  if (!broken) return std::nullopt;
  const size_t opened = record.quote_line != 0 ? record.quote_line : record.line;
  if (record.last_line == record.line) return fmt::format("aanhalingsteken op regel {} wordt niet afgesloten", opened);
  return fmt::format("aanhalingsteken op regel {} wordt niet afgesloten op die regel: regels {} tot en met {} "
                     "zijn daardoor als één rij gelezen en afgewezen", opened, record.line, record.last_line);
}

// Validates one record into normalised values; appends a RejectedField per problem, and a
// warning per field that was imported changed (a BSN masked or recognised).
bool normalise_record(const FileSchema& schema, const HeaderMap& map, const CsvRecord& record,
                      size_t header_size, const BsnPseudonymiser& pseudonymise,
                      const std::string& file, std::vector<std::string>& values,
                      std::vector<RejectedField>& rejects, std::vector<RejectedField>& warnings) {
  const size_t before = rejects.size();
  if (auto swallowed = swallowed_lines(schema, map, record, header_size)) {
    rejects.push_back({file, record.line, "", std::move(*swallowed)});
    return false;
  }
  if (record.fields.size() != header_size) {
    rejects.push_back({file, record.line, "",
                       fmt::format("regel heeft {} velden, de kopregel {}", record.fields.size(),
                                   header_size)});
    return false;
  }
  values.assign(schema.columns.size(), std::string());
  for (size_t i = 0; i < schema.columns.size(); ++i) {
    const int field = map.field_of_column[i];
    FieldResult result =
        normalise_field(schema.columns[i], field < 0 ? std::string_view() : record.fields[size_t(field)], pseudonymise);
    if (!result.warning.empty())
      warnings.push_back({file, record.line, std::string(schema.columns[i].name), std::move(result.warning)});
    if (result.ok)
      values[i] = std::move(result.value);
    else
      rejects.push_back({file, record.line, std::string(schema.columns[i].name), std::move(result.reason)});
  }
  for (const auto& order : schema.date_orders) {
    const auto& earlier = values[*schema.column_index(order.earlier)];
    const auto& later = values[*schema.column_index(order.later)];
    if (!earlier.empty() && !later.empty() && later < earlier)  // ISO dates sort as text
      rejects.push_back({file, record.line, std::string(order.later),
                         fmt::format("{} ligt voor {}", order.later, order.earlier)});
  }
  return rejects.size() == before;
}

struct FileText {
  std::string text;
  std::string encoding;
};

std::optional<FileText> read_text(const std::filesystem::path& file, FileImportResult& result) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    result.failed = true;
    result.failure = "bestand kan niet worden gelezen";
    return std::nullopt;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  DecodedText decoded = decode_to_utf8(std::move(bytes).str());
  return FileText{std::move(decoded.text), encoding_name(decoded.encoding)};
}

// Everything that happens after the header is known: rows into the writer, inside a transaction.
class RowImport {
 public:
  RowImport(Database& db, const PseudonymKey& key, const FileSchema& schema, HeaderMap map,
            size_t header_size, FileImportResult& result)
      : db_(db), pseudonymise_(key), schema_(schema), map_(std::move(map)), header_size_(header_size),
        result_(result) {}

  void run(CsvReader& reader, const ImportOptions& options, size_t text_size) {
    Transaction transaction(db_);
    const int64_t import_id = start_import_log();
    RegistrationWriter writer(db_, table_shape(schema_), import_id);
    CsvRecord record;
    std::vector<std::string> values;
    while (reader.next(record)) {
      ++result_.read;
      if (options.progress && result_.read % 65536 == 0)
        options.progress(result_.file, double(reader.offset()) / double(std::max<size_t>(1, text_size)));
      if (!normalise_record(schema_, map_, record, header_size_, pseudonymise_, result_.file, values,
                            result_.rejects, result_.field_warnings)) {
        ++result_.rejected;
        continue;
      }
      count(writer.write(values, record.line), record.line);
    }
    if (options.strict && result_.rejected > 0) {
      result_.inserted = result_.replaced = result_.unchanged = 0;
      return;  // the transaction rolls back: nothing from this file
    }
    finish_import_log(import_id);
    transaction.commit();
    if (options.progress) options.progress(result_.file, 1.0);
  }

 private:
  void count(WriteResult written, size_t line) {
    switch (written.outcome) {
      case RowOutcome::inserted: ++result_.inserted; break;
      case RowOutcome::replaced: ++result_.replaced; break;
      case RowOutcome::unchanged: ++result_.unchanged; break;
      case RowOutcome::conflicts_in_file:
        ++result_.rejected;
        result_.rejects.push_back({result_.file, line, key_label(schema_),
                                   fmt::format("dezelfde sleutel staat al op regel {} met andere inhoud",
                                               written.earlier_line)});
        break;
    }
  }

  int64_t start_import_log() {
    Statement insert = db_.prepare(
        "INSERT INTO imports (bestand, soort, tijdstip, gelezen, nieuw, vervangen, ongewijzigd, "
        "afgewezen) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 0, 0, 0, 0, 0)");
    insert.bind_text(1, result_.file);
    insert.bind_text(2, schema_.name);
    insert.step();
    return db_.last_insert_rowid();
  }

  void finish_import_log(int64_t import_id) {
    Statement update = db_.prepare(
        "UPDATE imports SET gelezen = ?, nieuw = ?, vervangen = ?, ongewijzigd = ?, afgewezen = ? "
        "WHERE import_id = ?");
    update.bind_int(1, int64_t(result_.read));
    update.bind_int(2, int64_t(result_.inserted));
    update.bind_int(3, int64_t(result_.replaced));
    update.bind_int(4, int64_t(result_.unchanged));
    update.bind_int(5, int64_t(result_.rejected));
    update.bind_int(6, import_id);
    update.step();
  }

  Database& db_;
  BsnPseudonymiser pseudonymise_;
  const FileSchema& schema_;
  HeaderMap map_;
  size_t header_size_;
  FileImportResult& result_;
};

void fail(FileImportResult& result, std::string why) {
  result.failed = true;
  result.failure = std::move(why);
}

}  // namespace

FileImportResult import_file(Database& db, const PseudonymKey& key, const std::filesystem::path& file,
                             const ImportOptions& options) {
  FileImportResult result;
  result.file = file.filename().string();
  auto text = read_text(file, result);
  if (!text) return result;
  result.encoding = text->encoding;
  CsvReader reader(text->text);
  CsvRecord header_record;
  if (!reader.next(header_record)) {
    fail(result, "bestand is leeg: geen kopregel");
    return result;
  }
  std::vector<std::string> header;
  for (auto field : header_record.fields) header.push_back(lower_trimmed(field));
  result.kind = recognise_kind(file, header);
  if (!result.kind) {
    fail(result, "soort bestand niet herkend aan de naam of de kopregel (zie formats.md)");
    return result;
  }
  const FileSchema& schema = file_schema(*result.kind);
  HeaderMap map = map_header(schema, header);
  if (!map.missing_required.empty()) {
    fail(result, fmt::format("verplichte kolom ontbreekt: {}; er is niets uit dit bestand "
                             "geïmporteerd", fmt::join(map.missing_required, ", ")));
    return result;
  }
  // A header name that could be a BSN (a file whose first line is data) is not repeated.
  for (auto* names : {&map.duplicated, &map.unknown})
    for (auto& name : *names)
      if (std::string shown = quoted_for_message(name); shown.starts_with('[')) name = shown;
  if (!map.duplicated.empty()) {
    fail(result, fmt::format("kolom staat twee keer in de kopregel: {}", fmt::join(map.duplicated, ", ")));
    return result;
  }
  if (!map.unknown.empty())
    result.warnings.push_back(fmt::format("onbekende kolommen genegeerd: {}", fmt::join(map.unknown, ", ")));
  RowImport(db, key, schema, std::move(map), header.size(), result).run(reader, options, text->text.size());
  return result;
}

std::vector<std::filesystem::path> import_files_in(const std::filesystem::path& path) {
  if (!std::filesystem::is_directory(path)) return {path};
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    std::string extension = lower_trimmed(entry.path().extension().string());
    if (entry.is_regular_file() && extension == ".csv") files.push_back(entry.path());
  }
  auto rank = [](const std::filesystem::path& file) {
    const std::string name = lower_trimmed(file.filename().string());
    for (size_t i = 0; i < kAllFileKinds.size(); ++i)
      if (name.starts_with(file_schema(kAllFileKinds[i]).name)) return i;
    return kAllFileKinds.size();
  };
  std::sort(files.begin(), files.end(), [&](const auto& a, const auto& b) {
    return std::pair(rank(a), a.filename()) < std::pair(rank(b), b.filename());
  });
  return files;
}

}  // namespace stroom
