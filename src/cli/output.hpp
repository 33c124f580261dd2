#pragma once
/// @file output.hpp
/// Text and JSON renderings of library results for the CLI.

#include "reckon/gazetteer.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace reckon::cli {

nlohmann::json candidate_json(const Candidate& c);
/// {"query", "status": ok|ambiguous|unresolved, "candidates", "suggestions", "ambiguity", "messages"}
nlohmann::json search_result_json(const SearchResult& r);
void print_search_result(std::ostream& out, const SearchResult& r);

} // namespace reckon::cli
