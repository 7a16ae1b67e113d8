// Columns that look like row identifiers (a customer ID, a name, a PassengerId): worth leaving
// out of the features, since a value seen on one row says nothing about another, and an ID
// column of text makes every validation row hold a value the training rows never had.
#pragma once

#include <cstddef>

#include "core/data/describe.h"

namespace gradtape {

// "id", "ID", "Id", or a name ending in "_id", " id", "-id" or a camel-case "Id"/"ID"
// ("customerID", "PassengerId"; not "paid" or "Valid").
bool named_like_id(const std::string& name);

// True when the table has at least 20 `rows` and `column` is named like an ID ("id", "user_id",
// "customerID") with a different value on at least half the rows that have one (numbers or
// text, unique or nearly so), or is text with a different value on every row, none missing.
bool looks_like_id(const ColumnSummary& column, std::size_t rows);

}  // namespace gradtape
