// The seven import file kinds of formats.md as data: columns, types, keys and date orders.
//
// Everything that knows the shape of an import file reads it from here: the importer validates
// against it, the store creates one table per kind with these column names, and the generator
// writes its files with these headers. Changing a format is changing this table.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace stroom {

enum class FileKind : uint8_t {
  vestigingen, voorzieningen, inschrijvingen, ondersteuning, verzuim, wachtlijst, tellingen
};
// Import order for a folder: referenced things (schools, provisions) before what refers to them.
inline constexpr std::array<FileKind, 7> kAllFileKinds = {
    FileKind::vestigingen, FileKind::voorzieningen, FileKind::inschrijvingen,
    FileKind::ondersteuning, FileKind::verzuim, FileKind::wachtlijst, FileKind::tellingen};

enum class FieldType : uint8_t {
  text,       // any text: an id or a code, kept as it is
  free_text,  // prose (naam, reden, ...): a BSN or onderwijsnummer in it is replaced by [BSN]
  pupil_id,   // 1..64 characters; a BSN or onderwijsnummer is pseudonymised (see ingest/bsn.h)
  date,      // the date forms of formats.md, stored as YYYY-MM-DD
  integer,   // whole number >= 0
  decimal,   // 1234.5 or 1234,5, >= 0, stored with '.'
  choice,    // one of a fixed list, case-insensitive, stored lower case
};

struct ColumnSpec {
  std::string_view name;
  bool required = false;
  FieldType type = FieldType::text;
  std::span<const std::string_view> choices = {};  // for FieldType::choice
};

// A pair of date columns where `later`, when both are filled in, may not precede `earlier`.
struct DateOrder {
  std::string_view earlier;
  std::string_view later;
};

struct FileSchema {
  FileKind kind;
  std::string_view name;  // file name prefix and store table name
  std::vector<ColumnSpec> columns;
  std::vector<std::string_view> key;  // columns that identify a row
  std::vector<DateOrder> date_orders;

  // Index of a column by its (lower-case) name, or nullopt.
  std::optional<size_t> column_index(std::string_view column) const;
};

const FileSchema& file_schema(FileKind kind);
std::optional<FileKind> file_kind_from_name(std::string_view kind_name);

}  // namespace stroom
