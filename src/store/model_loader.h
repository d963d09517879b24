// Loads the in-memory columnar model from the store, once, for the measures to read.
#pragma once

#include "model/enrolment_columns.h"
#include "store/database.h"

namespace stroom {

EnrolmentColumns load_enrolments(Database& db);

}  // namespace stroom
