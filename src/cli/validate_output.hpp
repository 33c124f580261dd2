#pragma once
/// @file validate_output.hpp
/// Renderings of `reckon validate` results: compiler-style text, JSON, CSV.

#include "reckon/validate.hpp"

#include <ostream>
#include <vector>

namespace reckon::cli {

/// `file:line:col: warning: ...` with an excerpt and a caret for problems,
/// `note:` lines for resolved mentions (unless @p problems_only), then the summary.
void print_validation_text(std::ostream& out, const std::vector<PlaceMention>& mentions, bool problems_only);
/// One JSON document: {"mentions": [...], "summary": {...}}.
void print_validation_json(std::ostream& out, const std::vector<PlaceMention>& mentions, bool problems_only);
/// A CSV table, one row per mention.
void print_validation_csv(std::ostream& out, const std::vector<PlaceMention>& mentions, bool problems_only);

} // namespace reckon::cli
