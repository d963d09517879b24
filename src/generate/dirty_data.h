// --vuil: mixing the errors of real exports into the generated rows.
//
// About PCT% of the rows of each file get one error. Four in five are errors the importer must
// reject (an empty required field, an unparseable date, day and month swapped so that the month
// exceeds 12, an einddatum before the startdatum, a BSN failing the 11-proef, an old or unknown
// code such as 'SBAO' or 'VSO-ZML', a negative or non-numeric number); one in five is silent and
// imports fine but is wrong (an exact duplicate row, day and month swapped where both are 12 or
// less, an unknown vestiging_id, a school's vestiging_id that changed halfway the window).
// Independently, dirty files also use the other valid forms: D-M-YYYY and DD/MM/YYYY dates and
// a decimal comma.
#pragma once

#include <array>
#include <cstdint>

#include "generate/csv_output.h"
#include "generate/random_stream.h"
#include "ingest/file_schema.h"

namespace stroom {

class DirtyMixer {
 public:
  // change_day: rows about dates from this day on see the new ids of renamed schools.
  DirtyMixer(const FileSchema& schema, double percent, uint64_t seed, int32_t change_day);

  // Mixes an error into the row (or not) and varies its forms; returns how many times the row
  // is to be written (2 for a duplicate).
  int apply(CsvRow& row);

  int64_t invalid_rows() const { return invalid_; }
  int64_t silent_rows() const { return silent_; }

  static constexpr double kInvalidShare = 0.8;

 private:
  bool make_invalid(CsvRow& row);
  int make_silent(CsvRow& row);
  bool empty_required(CsvRow& row);
  bool unparseable_date(CsvRow& row);
  bool swapped_date(CsvRow& row, bool invalid);
  bool end_before_start(CsvRow& row);
  bool broken_bsn(CsvRow& row);
  bool unknown_code(CsvRow& row);
  bool bad_number(CsvRow& row);
  bool unknown_vestiging(CsvRow& row);
  bool renamed_vestiging(CsvRow& row);
  void vary_forms(CsvRow& row);
  // A random column index of the given type whose field is not empty, or -1.
  int pick_column(const CsvRow& row, FieldType type, bool required_only = false);

  const FileSchema& schema_;
  double chance_;
  RandomStream random_;
  int32_t change_day_;
  int vestiging_column_ = -1;
  std::array<bool, CsvRow::kMaxFields> touched_{};
  int64_t invalid_ = 0;
  int64_t silent_ = 0;
};

}  // namespace stroom
