// Loads the in-memory region model from the store, once, for the measures to read.
//
// This is the only place where registrations come back out of SQL; measures never query the
// store. Stored values were validated on import, so a value that does not parse here means the
// file was changed by hand, and is reported as a StoreError rather than skipped.
#pragma once

#include "model/region_model.h"
#include "store/database.h"

namespace stroom {

RegionModel load_region(Database& db);

}  // namespace stroom
