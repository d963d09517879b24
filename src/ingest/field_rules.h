// Validates and normalises one field of an import row according to its column's type.
//
// Normal forms are what the store keeps: dates as YYYY-MM-DD, decimals with '.', choices in
// lower case, BSNs replaced by their pseudonym, surrounding spaces removed, "" for empty. A
// refusal comes with the Dutch reason the rejects report shows; it never repeats a BSN.
#pragma once

#include <string>
#include <string_view>

#include "ingest/file_schema.h"
#include "ingest/bsn.h"

namespace stroom {

struct FieldResult {
  bool ok = true;
  std::string value;   // the normal form, when ok
  std::string reason;  // why not, when !ok
};

FieldResult normalise_field(const ColumnSpec& column, std::string_view raw, const BsnPseudonymiser& pseudonymise);

}  // namespace stroom
