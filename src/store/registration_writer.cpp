// Insert / unchanged / replace-with-history for one registration table; see registration_writer.h.
#include "store/registration_writer.h"

#include <sodium.h>

#include <cstring>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace stroom {
namespace {

constexpr char kKeySeparator = '\x1f';  // unit separator: cannot occur in a CSV text field

std::string column_list(const TableShape& shape) { return fmt::format("{}", fmt::join(shape.columns, ", ")); }

std::string insert_sql(const TableShape& shape) {
  std::string params;
  for (size_t i = 0; i < shape.columns.size(); ++i) params += "?, ";
  return fmt::format("INSERT INTO {} ({}, rij_hash, import_id) VALUES ({}?, ?)", shape.table,
                     column_list(shape), params);
}

std::string update_sql(const TableShape& shape) {
  std::string assignments;
  for (auto column : shape.columns) assignments += fmt::format("{} = ?, ", column);
  return fmt::format("UPDATE {} SET {}rij_hash = ?, import_id = ? WHERE rowid = ?", shape.table,
                     assignments);
}

std::string read_old_sql(const TableShape& shape) {
  return fmt::format("SELECT {}, import_id FROM {} WHERE rowid = ?", column_list(shape), shape.table);
}

}  // namespace

RegistrationWriter::RegistrationWriter(Database& db, TableShape shape, int64_t import_id)
    : db_(db),
      shape_(std::move(shape)),
      import_id_(import_id),
      insert_(db.prepare(insert_sql(shape_))),
      update_(db.prepare(update_sql(shape_))),
      read_old_(db.prepare(read_old_sql(shape_))),
      insert_history_(db.prepare(
          "INSERT INTO geschiedenis (tabel, sleutel, oude_rij, oud_import_id, "
          "vervangen_door_import) VALUES (?, ?, ?, ?, ?)")) {
  load_existing();
}

std::string RegistrationWriter::key_of(const std::vector<std::string>& values) const {
  std::string key;
  for (size_t i : shape_.key_columns) {
    key += values[i];
    key += kKeySeparator;
  }
  return key;
}

int64_t RegistrationWriter::content_hash(const std::vector<std::string>& values) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 8);
  for (const auto& value : values) {
    const uint64_t size = value.size();  // length prefix: ("ab","c") differs from ("a","bc")
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&size), sizeof size);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(value.data()),
                              value.size());
  }
  unsigned char out[8];
  crypto_generichash_final(&state, out, sizeof out);
  int64_t hash;
  std::memcpy(&hash, out, sizeof hash);
  return hash;
}

void RegistrationWriter::load_existing() {
  std::string key_columns;
  for (size_t i : shape_.key_columns)
    key_columns += fmt::format("ifnull({}, '') || char(31) || ", shape_.columns[i]);
  Statement query = db_.prepare(
      fmt::format("SELECT {}'', rowid, rij_hash FROM {}", key_columns, shape_.table));
  while (query.step())
    existing_.emplace(std::string(query.column_text(0)),
                      Existing{query.column_int(1), query.column_int(2), 0});
}

void RegistrationWriter::bind_values(Statement& statement, const std::vector<std::string>& values,
                                     int64_t hash) {
  int position = 1;
  for (const auto& value : values) {
    if (value.empty())
      statement.bind_null(position++);
    else
      statement.bind_text(position++, value);
  }
  statement.bind_int(position++, hash);
  statement.bind_int(position, import_id_);
}

void RegistrationWriter::save_history(int64_t rowid, const std::string& key) {
  read_old_.reset();
  read_old_.bind_int(1, rowid);
  read_old_.step();
  nlohmann::ordered_json old_row;
  for (size_t i = 0; i < shape_.columns.size(); ++i) {
    const std::string column(shape_.columns[i]);
    if (read_old_.column_is_null(int(i)))
      old_row[column] = nullptr;
    else
      old_row[column] = std::string(read_old_.column_text(int(i)));
  }
  const int64_t old_import = read_old_.column_int(int(shape_.columns.size()));
  insert_history_.reset();
  insert_history_.bind_text(1, shape_.table);
  std::string readable_key = key;
  for (char& c : readable_key)
    if (c == kKeySeparator) c = '|';
  if (!readable_key.empty()) readable_key.pop_back();
  insert_history_.bind_text(2, readable_key);
  insert_history_.bind_text(3, old_row.dump());
  insert_history_.bind_int(4, old_import);
  insert_history_.bind_int(5, import_id_);
  insert_history_.step();
}

WriteResult RegistrationWriter::write(const std::vector<std::string>& values, size_t source_line) {
  std::string key = key_of(values);
  const int64_t hash = content_hash(values);
  auto found = existing_.find(key);
  if (found == existing_.end()) {
    insert_.reset();
    bind_values(insert_, values, hash);
    insert_.step();
    existing_.emplace(std::move(key), Existing{db_.last_insert_rowid(), hash, source_line});
    return {RowOutcome::inserted};
  }
  Existing& row = found->second;
  if (row.hash == hash) {
    if (row.line_in_this_import == 0) row.line_in_this_import = source_line;
    return {RowOutcome::unchanged};
  }
  if (row.line_in_this_import != 0) return {RowOutcome::conflicts_in_file, row.line_in_this_import};
  save_history(row.rowid, key);
  update_.reset();
  bind_values(update_, values, hash);
  update_.bind_int(int(values.size()) + 3, row.rowid);
  update_.step();
  row.hash = hash;
  row.line_in_this_import = source_line;
  return {RowOutcome::replaced};
}

}  // namespace stroom
