// Reading every registration table into RegionModel; see model_loader.h.
//
// `stroom serve` reloads the model while it serves, so the load is built for speed and a low
// peak (docs/performance.md has the figures): each table is read in one pass; the ids of
// vestigingen, voorzieningen and absence reasons are collected in the passes that read them
// (numbered in order of first appearance, renumbered in sorted order at the end) instead of by
// UNION queries; pupil ids go once into one character buffer with an open-addressing index over
// it; stored dates, which stroom writes as YYYY-MM-DD, are read without the general date parser;
// and the enrolments are ordered by a counting sort on the dense pupil id.
#include "store/model_loader.h"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <numeric>

#include <fmt/format.h>

#include "model/code_tables.h"

namespace stroom {
namespace {

// Stored dates are YYYY-MM-DD; anything else goes through the general parser, so a hand-edited
// value in another accepted form still loads and an impossible one is reported.
int32_t stored_date(std::string_view iso) {
  if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-') {
    bool digits = true;
    auto number = [&](size_t from, size_t to) {
      int value = 0;
      for (size_t i = from; i < to; ++i) {
        digits = digits && iso[i] >= '0' && iso[i] <= '9';
        value = value * 10 + (iso[i] - '0');
      }
      return value;
    };
    const int year = number(0, 4), month = number(5, 7), day = number(8, 10);
    if (digits)
      if (auto date = Date::from_ymd(year, month, day)) return date->days();
  }
  auto date = parse_date(iso);
  if (!date) throw StoreError(fmt::format("ongeldige datum '{}' in de database", iso));
  return date->days();
}

// A SELECT over one of the large tables through SQLite's C API: a field is its text pointer and
// length, two calls where Statement makes three (the type check), and nothing is copied.
class RowReader {
 public:
  struct Field {
    const char* data;  // nullptr for NULL
    size_t size;
    bool null() const { return data == nullptr; }
    std::string_view text() const { return data ? std::string_view(data, size) : std::string_view(); }
  };

  RowReader(Database& db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db.handle(), sql.data(), int(sql.size()), &stmt_, nullptr) != SQLITE_OK) db.fail(sql);
  }
  ~RowReader() { sqlite3_finalize(stmt_); }
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;

  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail(sqlite3_sql(stmt_));
  }
  Field operator[](int column) const {
    auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text) return {text, size_t(sqlite3_column_bytes(stmt_, column))};
    // A null pointer is NULL, or (should SQLite give one for it) an empty text.
    return {sqlite3_column_type(stmt_, column) == SQLITE_NULL ? nullptr : "", 0};
  }

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

int32_t optional_date(RowReader::Field field, int32_t when_empty) {
  return field.null() ? when_empty : stored_date(field.text());
}

std::optional<Date> optional_day(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return Date::from_days(stored_date(row.column_text(column)));
}

// The stored code as it is written first; parse_setting (case, spaces) only when that fails.
uint8_t stored_setting(std::string_view code) {
  if (auto setting = find_code<Setting>(code)) return uint8_t(*setting);
  auto setting = parse_setting(code);
  if (!setting) throw StoreError(fmt::format("onbekende onderwijssoort '{}' in de database", code));
  return uint8_t(*setting);
}

template <Coded Enum>
uint8_t stored_code(std::string_view code) {
  if (auto value = find_code<Enum>(code)) return uint8_t(*value);
  throw StoreError(fmt::format("onbekende code '{}' in de database", code));
}

// Dense ids for strings, in order of first appearance, kept in a StringColumn. Open addressing
// with linear probing; a slot holds the upper 32 bits of the string's hash (which also choose
// the slot, so growing needs no rehash of the strings) and id + 1, 0 for an empty slot.
class Interner {
 public:
  // names must be empty: the interner numbers what it adds.
  explicit Interner(StringColumn& names) : names_(names), slots_(1024, 0) {}

  uint32_t operator()(std::string_view name) { return (*this)(name, tag_of(name)); }

  // The same as calling operator() on each name in turn, but first the slots and then the stored
  // strings the lookups will touch are prefetched for the whole batch, so that their cache misses
  // (the index is 64 MB and the strings 150 MB at national size) overlap instead of following
  // one another; they were half of the load's time.
  void batch(const std::string_view* names, size_t count, uint32_t* ids) {
    constexpr size_t kMax = 64;
    uint32_t tags[kMax];
    for (size_t from = 0; from < count; from += kMax) {
      const size_t n = std::min(kMax, count - from);
      const size_t mask = slots_.size() - 1;
      for (size_t i = 0; i < n; ++i) {
        tags[i] = tag_of(names[from + i]);
        __builtin_prefetch(&slots_[tags[i] & mask]);
      }
      for (size_t i = 0; i < n; ++i) {
        const uint64_t slot = slots_[tags[i] & mask];
        if (slot != 0 && uint32_t(slot >> 32) == tags[i]) __builtin_prefetch(names_[uint32_t(slot) - 1].data());
      }
      for (size_t i = 0; i < n; ++i) ids[from + i] = (*this)(names[from + i], tags[i]);
    }
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;

  uint32_t operator()(std::string_view name, uint32_t tag) {
    // A pupil's rows often follow each other (a third of the enrolments nationally): no lookup.
    if (last_ != kNone && names_[last_] == name) return last_;
    last_ = find_or_add(name, tag);
    return last_;
  }

  uint32_t find_or_add(std::string_view name, uint32_t tag) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = tag & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == 0) {
        const auto id = uint32_t(names_.size());
        names_.push_back(name);
        slots_[i] = uint64_t(tag) << 32 | (id + 1);
        if (++used_ * 10 > slots_.size() * 7) grow();
        return id;
      }
      if (uint32_t(slot >> 32) == tag && names_[uint32_t(slot) - 1] == name) return uint32_t(slot) - 1;
    }
  }

  static uint32_t tag_of(std::string_view name) { return uint32_t(std::hash<std::string_view>{}(name) >> 32); }

  void place(uint32_t tag, uint32_t id) {
    const size_t mask = slots_.size() - 1;
    size_t i = tag & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = uint64_t(tag) << 32 | (id + 1);
    ++used_;
  }

  void grow() {
    std::vector<uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    used_ = 0;
    for (uint64_t slot : old)
      if (slot != 0) place(uint32_t(slot >> 32), uint32_t(slot) - 1);
  }

  StringColumn& names_;
  std::vector<uint64_t> slots_;  // size is a power of two, at most 70% used
  size_t used_ = 0;
  uint32_t last_ = kNone;  // the id returned last
};

// The ids of a small dimension (vestigingen, voorzieningen, reasons) as the loader meets them,
// each numbered on first sight; sorted() turns them into the model's sorted-unique list and
// renumbers the columns that referred to them.
class IdSet {
 public:
  IdSet() : intern_(names_) {}
  IdSet(const IdSet&) = delete;
  IdSet& operator=(const IdSet&) = delete;
  uint32_t operator()(std::string_view id) { return intern_(id); }

  // The sorted ids; `renumber[i]` is the sorted position of the id first numbered i.
  std::vector<std::string> sorted(std::vector<uint32_t>& renumber) const {
    std::vector<uint32_t> order(names_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return names_[a] < names_[b]; });
    std::vector<std::string> ids;
    ids.reserve(order.size());
    renumber.assign(order.size(), kNoIndex);
    for (uint32_t i : order) {
      renumber[i] = uint32_t(ids.size());
      ids.emplace_back(names_[i]);
    }
    return ids;
  }

 private:
  StringColumn names_;
  Interner intern_;
};

uint32_t optional_id(RowReader::Field field, IdSet& ids) { return field.null() ? kNoIndex : ids(field.text()); }

void renumber(std::vector<uint32_t>& column, const std::vector<uint32_t>& renumber) {
  for (uint32_t& value : column)
    if (value != kNoIndex) value = renumber[value];
}

// A table's pupil id column, filled in batches: the ids of the rows read are kept (SQLite's text
// is only valid until the next step) and resolved together by Interner::batch.
class PupilColumn {
 public:
  PupilColumn(Interner& pupils, std::vector<uint32_t>& column) : pupils_(pupils), column_(column) {}
  PupilColumn(const PupilColumn&) = delete;
  PupilColumn& operator=(const PupilColumn&) = delete;

  void push_back(std::string_view id) {
    names_.push_back(id);
    if (names_.size() == kBatch) finish();
  }
  // Resolves what is left; call after the last row.
  void finish() {
    std::string_view views[kBatch];
    for (size_t i = 0; i < names_.size(); ++i) views[i] = names_[i];
    const size_t at = column_.size();
    column_.resize(at + names_.size());
    pupils_.batch(views, names_.size(), column_.data() + at);
    names_.clear();
  }

 private:
  static constexpr size_t kBatch = 256;
  Interner& pupils_;
  std::vector<uint32_t>& column_;
  StringColumn names_;  // this batch's ids
};

// Everything one load collects across the tables before the model is finished.
struct LoadIds {
  explicit LoadIds(StringColumn& pupil_ids) : pupil(pupil_ids) {}
  Interner pupil;
  IdSet vestiging;
  IdSet provision;
  IdSet reason;
};

// An upper bound on a table's row count without counting: rows have positive unique rowids.
// Used to reserve columns; memory that is reserved but never written is not resident.
size_t row_bound(Database& db, std::string_view table) {
  return size_t(std::max<int64_t>(0, db.query_int(fmt::format("SELECT max(rowid) FROM {}", table)).value_or(0)));
}

// A stored cluster ("1"-"4") or niveau code; 0 (onbekend) when NULL.
uint8_t stored_cluster(RowReader::Field field) {
  if (field.null() || field.text().empty()) return kNoCluster;
  const auto text = field.text();
  if (text.size() == 1 && text[0] >= '1' && text[0] <= '4') return uint8_t(text[0] - '0');
  throw StoreError(fmt::format("onbekend cluster '{}' in de database", text));
}

uint8_t stored_niveau(RowReader::Field field) {
  if (field.null()) return kNoNiveau;
  if (auto niveau = find_code<Niveau>(field.text())) return uint8_t(*niveau);
  if (auto niveau = parse_code<Niveau>(field.text())) return uint8_t(*niveau);
  throw StoreError(fmt::format("onbekend niveau '{}' in de database", field.text()));
}

void load_enrolment_rows(Database& db, RegionModel& region, LoadIds& ids, std::vector<int32_t>& row_birth) {
  auto& e = region.enrolments;
  const size_t rows = row_bound(db, "inschrijvingen");
  e.pupil.reserve(rows);
  e.setting.reserve(rows);
  e.start.reserve(rows);
  e.end.reserve(rows);
  e.vestiging.reserve(rows);
  e.cluster.reserve(rows);
  e.niveau.reserve(rows);
  row_birth.reserve(rows);
  RowReader query(db,
                  "SELECT leerling_id, onderwijssoort, startdatum, einddatum, vestiging_id, cluster, niveau, "
                  "geboortedatum FROM inschrijvingen");
  PupilColumn pupils(ids.pupil, e.pupil);
  while (query.step()) {
    pupils.push_back(query[0].text());
    e.setting.push_back(stored_setting(query[1].text()));
    e.start.push_back(stored_date(query[2].text()));
    e.end.push_back(optional_date(query[3], kOpenEnd));
    e.vestiging.push_back(ids.vestiging(query[4].text()));
    e.cluster.push_back(stored_cluster(query[5]));
    e.niveau.push_back(stored_niveau(query[6]));
    row_birth.push_back(optional_date(query[7], kNoDate));
  }
  pupils.finish();
}

// The birth date per pupil from the enrolment rows' geboortedatum (the rows' pupils are resolved
// only in batches, so the dates wait per row until then). Rows that disagree: the earliest date,
// so the answer does not depend on the order of the rows in the store.
void fold_birth_dates(EnrolmentColumns& e, std::vector<int32_t>& row_birth) {
  e.pupil_birth.assign(e.pupil_count(), kNoDate);
  for (size_t i = 0; i < row_birth.size(); ++i) {
    if (row_birth[i] == kNoDate) continue;
    int32_t& birth = e.pupil_birth[e.pupil[i]];
    if (birth == kNoDate || row_birth[i] < birth) birth = row_birth[i];
  }
  std::vector<int32_t>().swap(row_birth);
}

void load_absences(Database& db, RegionModel& region, LoadIds& ids) {
  auto& a = region.absences;
  const size_t rows = row_bound(db, "verzuim");
  a.pupil.reserve(rows);
  a.thuiszitter.reserve(rows);
  a.kind.reserve(rows);
  a.start.reserve(rows);
  a.end.reserve(rows);
  a.vestiging.reserve(rows);
  a.reason.reserve(rows);
  RowReader query(db, "SELECT leerling_id, thuiszitter, startdatum, einddatum, vestiging_id, reden, soort FROM verzuim");
  PupilColumn pupils(ids.pupil, a.pupil);
  while (query.step()) {
    pupils.push_back(query[0].text());
    a.thuiszitter.push_back(query[1].text() == "ja");
    a.start.push_back(stored_date(query[2].text()));
    a.end.push_back(optional_date(query[3], kOpenEnd));
    a.vestiging.push_back(optional_id(query[4], ids.vestiging));
    a.reason.push_back(optional_id(query[5], ids.reason));
    a.kind.push_back(stored_code<AbsenceKind>(query[6].text()));
  }
  pupils.finish();
}

void load_decisions(Database& db, RegionModel& region, LoadIds& ids) {
  auto& d = region.decisions;
  RowReader query(db,
                  "SELECT leerling_id, soort, uitkomst, categorie, voorziening_id, aanvraagdatum, besluitdatum, "
                  "startdatum, einddatum FROM ondersteuning");
  PupilColumn pupils(ids.pupil, d.pupil);
  while (query.step()) {
    pupils.push_back(query[0].text());
    d.kind.push_back(stored_code<DecisionKind>(query[1].text()));
    d.outcome.push_back(stored_code<DecisionOutcome>(query[2].text()));
    const auto category = query[3];
    d.category.push_back(category.null() ? kNoCategory : stored_code<TlvCategory>(category.text()));
    d.provision.push_back(optional_id(query[4], ids.provision));
    d.requested.push_back(optional_date(query[5], kNoDate));
    d.decided.push_back(optional_date(query[6], kNoDate));
    d.start.push_back(optional_date(query[7], kNoDate));
    d.end.push_back(optional_date(query[8], kOpenEnd));
  }
  pupils.finish();
}

void load_small_tables(Database& db, RegionModel& region, LoadIds& ids) {
  Statement provisions = db.prepare(
      "SELECT voorziening_id, naam, onderwijssoort, plaatsen, tarief, geldig_vanaf, geldig_tot FROM voorzieningen "
      "ORDER BY voorziening_id, geldig_vanaf");
  while (provisions.step()) {
    Provision p;
    p.id = provisions.column_text(0);
    ids.provision(p.id);
    p.naam = provisions.column_text(1);
    p.setting = parse_setting(provisions.column_text(2));
    p.places = provisions.column_int(3);
    const auto tariff = provisions.column_text(4);
    std::from_chars(tariff.data(), tariff.data() + tariff.size(), p.tariff);
    p.valid_from = Date::from_days(stored_date(provisions.column_text(5)));
    p.valid_to = optional_day(provisions, 6);
    region.provisions.push_back(std::move(p));
  }
  Statement waiting = db.prepare(
      "SELECT leerling_id, voorziening_id, aanmelddatum, plaatsingsdatum, afgemeld FROM wachtlijst");
  while (waiting.step()) {
    ids.provision(waiting.column_text(1));
    region.waiting.push_back({std::string(waiting.column_text(0)), std::string(waiting.column_text(1)),
                              Date::from_days(stored_date(waiting.column_text(2))), optional_day(waiting, 3),
                              optional_day(waiting, 4)});
  }
  Statement schools = db.prepare("SELECT vestiging_id, naam, bestuur, gemeente, swv, sector FROM vestigingen");
  while (schools.step()) {
    Vestiging v{std::string(schools.column_text(0)), std::string(schools.column_text(1)),
                std::string(schools.column_text(2)), std::string(schools.column_text(3)),
                std::string(schools.column_text(4)), std::nullopt};
    ids.vestiging(v.id);
    if (!schools.column_is_null(5)) v.sector = schools.column_text(5) == "po" ? Sector::po : Sector::vo;
    region.vestigingen.push_back(std::move(v));
  }
  Statement counts = db.prepare("SELECT teldatum, gebied, onderwijssoort, cluster, aantal FROM tellingen");
  while (counts.step()) {
    PublicCount c{Date::from_days(stored_date(counts.column_text(0))), std::string(counts.column_text(1)),
                  std::string(counts.column_text(2)), std::nullopt, counts.column_int(4)};
    if (!counts.column_is_null(3)) c.cluster = int(counts.column_int(3));
    region.public_counts.push_back(std::move(c));
  }
}

// The model's sorted id lists, and the columns renumbered from first-sight to sorted positions.
void finish_ids(RegionModel& region, const LoadIds& ids) {
  std::vector<uint32_t> sorted;
  region.vestiging_ids = ids.vestiging.sorted(sorted);
  renumber(region.enrolments.vestiging, sorted);
  renumber(region.absences.vestiging, sorted);
  region.provision_ids = ids.provision.sorted(sorted);
  renumber(region.decisions.provision, sorted);
  region.absence_reasons = ids.reason.sorted(sorted);
  renumber(region.absences.reason, sorted);
}

// One read transaction around the whole load, so the tables come from one state of the store,
// unless the caller already holds one (then its snapshot is the one read). Only reads happen
// inside, so ending it by ROLLBACK undoes nothing.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db) : db_(db), own_(!db.in_transaction()) {
    if (own_) db_.exec("BEGIN");
  }
  ~ReadTransaction() {
    if (!own_) return;
    try {
      db_.exec("ROLLBACK");
    } catch (const StoreError&) {
      // The transaction already ended (SQLite rolls back by itself on some errors).
    }
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database& db_;
  bool own_;
};

}  // namespace

RegionModel load_region(Database& db) {
  ReadTransaction snapshot(db);
  RegionModel region;
  // Pupil ids are mostly 35-character pseudonyms; reserved, not written, memory is not resident.
  const size_t pupil_rows = row_bound(db, "inschrijvingen") + row_bound(db, "verzuim") + row_bound(db, "ondersteuning");
  region.enrolments.pupil_ids.reserve(pupil_rows, pupil_rows * 36);
  LoadIds ids(region.enrolments.pupil_ids);
  std::vector<int32_t> row_birth;
  load_enrolment_rows(db, region, ids, row_birth);
  load_absences(db, region, ids);
  load_decisions(db, region, ids);
  load_small_tables(db, region, ids);
  finish_ids(region, ids);
  fold_birth_dates(region.enrolments, row_birth);  // every table's pupils are known now
  finish_enrolment_columns(region.enrolments);
  return region;
}

}  // namespace stroom
