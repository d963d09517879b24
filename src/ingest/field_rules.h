// Validates and normalises one field of an import row according to its column's type.
//
// Normal forms are what the store keeps: dates as YYYY-MM-DD, decimals with '.', choices in
// lower case, BSNs and onderwijsnummers replaced by their pseudonym (in free text by "[BSN]"),
// surrounding spaces removed, "" for empty. A refusal comes with the Dutch reason the rejects
// report shows; it never repeats a value that could be a BSN (bsn.h: quoted_for_message).
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
  std::string warning;  // when ok but changed in a way the user must hear of (a BSN masked, ...)
};

FieldResult normalise_field(const ColumnSpec& column, std::string_view raw, const BsnPseudonymiser& pseudonymise);

}  // namespace stroom
