// The error mixer of --vuil; see dirty_data.h.
#include "generate/dirty_data.h"

#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/format.h>

#include "generate/day_numbers.h"
#include "generate/pupil_ids.h"

namespace stroom {
namespace {

struct IsoDate {
  int year, month, day;
};

// Clean rows carry ISO dates only, so reading them back is positional.
bool read_iso(const std::string& text, IsoDate& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto number = [&](size_t at, size_t n) {
    int value = 0;
    for (size_t i = at; i < at + n; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  out = {number(0, 4), number(5, 2), number(8, 2)};
  return true;
}

// Old codes from earlier registration systems (REC-indeling, LWOO, rugzak), per column name.
std::string_view old_code(std::string_view column, std::string_view file, RandomStream& random) {
  auto from = [&random](std::initializer_list<std::string_view> codes) {
    return *(codes.begin() + random.below(codes.size()));
  };
  if (column == "onderwijssoort") return from({"SBAO", "VSO-ZML", "SO-ZMOK", "LWOO", "REC4", "VSO-ZMOK"});
  if (column == "cluster") return from({"0", "5", "ZMLK"});
  if (column == "niveau") return from({"mavo", "vbo", "atheneum", "vmbo-t"});
  if (column == "soort") return file == "verzuim" ? from({"luxe", "signaal"}) : from({"lgf", "rugzak", "pab"});
  if (column == "categorie") return from({"cat1", "zwaar"});
  if (column == "uitkomst") return from({"afgehandeld", "in behandeling"});
  if (column == "thuiszitter") return from({"j", "onbekend"});
  if (column == "sector") return from({"so", "primair"});
  return "onbekend";
}

}  // namespace

DirtyMixer::DirtyMixer(const FileSchema& schema, double percent, uint64_t seed, int32_t change_day)
    : schema_(schema), chance_(percent / 100.0), random_(seed, RandomPart::dirty, uint64_t(schema.kind)),
      change_day_(change_day) {
  if (schema.kind != FileKind::vestigingen)
    if (auto column = schema.column_index("vestiging_id")) vestiging_column_ = int(*column);
}

int DirtyMixer::apply(CsvRow& row) {
  touched_.fill(false);
  int copies = 1;
  if (random_.chance(chance_)) {
    if (random_.chance(kInvalidShare) && make_invalid(row)) ++invalid_;
    else {
      copies = make_silent(row);
      ++silent_;
    }
  }
  vary_forms(row);
  return copies;
}

bool DirtyMixer::make_invalid(CsvRow& row) {
  constexpr int kKinds = 7;
  const int first = int(random_.below(kKinds));
  for (int i = 0; i < kKinds; ++i) {
    switch ((first + i) % kKinds) {
      case 0: if (empty_required(row)) return true; break;
      case 1: if (unparseable_date(row)) return true; break;
      case 2: if (swapped_date(row, true)) return true; break;
      case 3: if (end_before_start(row)) return true; break;
      case 4: if (broken_bsn(row)) return true; break;
      case 5: if (unknown_code(row)) return true; break;
      case 6: if (bad_number(row)) return true; break;
    }
  }
  return false;
}

int DirtyMixer::make_silent(CsvRow& row) {
  switch (random_.below(4)) {
    case 0: if (unknown_vestiging(row)) return 1; break;
    case 1: if (renamed_vestiging(row)) return 1; break;
    case 2: if (swapped_date(row, false)) return 1; break;
    default: break;
  }
  return 2;  // an exact duplicate
}

int DirtyMixer::pick_column(const CsvRow& row, FieldType type, bool required_only) {
  std::array<int, CsvRow::kMaxFields> candidates{};
  int count = 0;
  for (size_t i = 0; i < schema_.columns.size(); ++i) {
    const ColumnSpec& column = schema_.columns[i];
    if (column.type != type || row[i].empty() || touched_[i]) continue;
    if (required_only && !column.required) continue;
    candidates[size_t(count++)] = int(i);
  }
  return count == 0 ? -1 : candidates[random_.below(uint64_t(count))];
}

bool DirtyMixer::empty_required(CsvRow& row) {
  std::array<int, CsvRow::kMaxFields> required{};
  int count = 0;
  for (size_t i = 0; i < schema_.columns.size(); ++i)
    if (schema_.columns[i].required && !row[i].empty()) required[size_t(count++)] = int(i);
  if (count == 0) return false;
  const size_t column = size_t(required[random_.below(uint64_t(count))]);
  row[column].clear();
  touched_[column] = true;
  return true;
}

bool DirtyMixer::unparseable_date(CsvRow& row) {
  const int column = pick_column(row, FieldType::date);
  IsoDate d{};
  if (column < 0 || !read_iso(row[size_t(column)], d)) return false;
  std::string& field = row[size_t(column)];
  switch (random_.below(5)) {
    case 0: field = fmt::format("{}-13-{:02}", d.year, d.day); break;
    case 1: field = fmt::format("31-02-{}", d.year); break;
    case 2: field = "onbekend"; break;
    case 3: field = fmt::format("{}{:02}{:02}", d.year, d.month, d.day); break;
    default: field = fmt::format("{:02}.{:02}.{}", d.day, d.month, d.year); break;
  }
  touched_[size_t(column)] = true;
  return true;
}

// Day and month swapped in the DD-MM-YYYY form: with a day above 12 the result has no valid
// month (rejected), with both at most 12 it is silently another date.
bool DirtyMixer::swapped_date(CsvRow& row, bool invalid) {
  for (size_t i = 0; i < schema_.columns.size(); ++i) {
    IsoDate d{};
    if (schema_.columns[i].type != FieldType::date || touched_[i] || !read_iso(row[i], d)) continue;
    if (invalid ? d.day <= 12 : (d.day > 12 || d.day == d.month)) continue;
    row[i] = fmt::format("{:02}-{:02}-{}", d.month, d.day, d.year);
    touched_[i] = true;
    return true;
  }
  return false;
}

bool DirtyMixer::end_before_start(CsvRow& row) {
  for (const DateOrder& order : schema_.date_orders) {
    const auto earlier = schema_.column_index(order.earlier);
    const auto later = schema_.column_index(order.later);
    IsoDate d{};
    if (!earlier || !later || touched_[*earlier] || !read_iso(row[*earlier], d)) continue;
    format_iso_date(day_number(d.year, d.month, d.day) - random_.between(1, 60), row[*later]);
    touched_[*earlier] = touched_[*later] = true;
    return true;
  }
  return false;
}

bool DirtyMixer::broken_bsn(CsvRow& row) {
  const int column = pick_column(row, FieldType::pupil_id);
  if (column < 0) return false;
  std::string& field = row[size_t(column)];
  uint32_t bsn = 0;
  if (field.size() == 9 && std::all_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; }))
    bsn = uint32_t(std::stoul(field));
  else
    bsn = bsn_for_index(uint32_t(random_.below(kBsnPrefixSpace)), random_.next());
  field = fmt::format("{:09}", stroom::broken_bsn(bsn));
  touched_[size_t(column)] = true;
  return true;
}

bool DirtyMixer::unknown_code(CsvRow& row) {
  const int column = pick_column(row, FieldType::choice);
  if (column < 0) return false;
  row[size_t(column)] = std::string(old_code(schema_.columns[size_t(column)].name, schema_.name, random_));
  touched_[size_t(column)] = true;
  return true;
}

bool DirtyMixer::bad_number(CsvRow& row) {
  int column = pick_column(row, FieldType::integer);
  if (column < 0) column = pick_column(row, FieldType::decimal);
  if (column < 0) return false;
  std::string& field = row[size_t(column)];
  switch (random_.below(3)) {
    case 0: field = "-" + field; break;
    case 1: field = "n.v.t."; break;
    default: field = "€ " + field; break;
  }
  touched_[size_t(column)] = true;
  return true;
}

bool DirtyMixer::unknown_vestiging(CsvRow& row) {
  if (vestiging_column_ < 0 || row[size_t(vestiging_column_)].empty()) return false;
  // Real BRIN numbers start at 10 here, so 00ZZ.. never exists.
  row[size_t(vestiging_column_)] = fmt::format("00ZZ{:02}", random_.below(100));
  touched_[size_t(vestiging_column_)] = true;
  return true;
}

// After a move or merger a school carries a new vestigingsnummer; rows about the period
// after the change use it, the vestigingen file still has the old one.
bool DirtyMixer::renamed_vestiging(CsvRow& row) {
  if (vestiging_column_ < 0) return false;
  std::string& id = row[size_t(vestiging_column_)];
  if (id.size() < 6 || !id.ends_with("00")) return false;
  const auto start = schema_.column_index("startdatum");
  IsoDate d{};
  if (!start || !read_iso(row[*start], d) || day_number(d.year, d.month, d.day) < change_day_) return false;
  id.replace(id.size() - 2, 2, "01");
  touched_[size_t(vestiging_column_)] = true;
  return true;
}

// Other valid forms real files use: D-M-YYYY and DD/MM/YYYY dates, a decimal comma.
void DirtyMixer::vary_forms(CsvRow& row) {
  for (size_t i = 0; i < schema_.columns.size(); ++i) {
    if (touched_[i]) continue;
    const FieldType type = schema_.columns[i].type;
    IsoDate d{};
    if (type == FieldType::date && read_iso(row[i], d)) {
      const double u = random_.uniform();
      if (u < 0.25) row[i] = fmt::format("{}-{}-{}", d.day, d.month, d.year);
      else if (u < 0.35) row[i] = fmt::format("{:02}/{:02}/{}", d.day, d.month, d.year);
    } else if (type == FieldType::decimal && random_.chance(0.5)) {
      std::replace(row[i].begin(), row[i].end(), '.', ',');
    }
  }
}

}  // namespace stroom
