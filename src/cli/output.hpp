#pragma once
/// @file output.hpp
/// Text and JSON renderings of library results for the CLI.

#include "reckon/gazetteer.hpp"
#include "reckon/resolver.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace reckon::cli {

nlohmann::json candidate_json(const Candidate& c);
/// {"query", "status": ok|ambiguous|unresolved, "candidates", "suggestions", "ambiguity", "messages"}
nlohmann::json search_result_json(const SearchResult& r);
void print_search_result(std::ostream& out, const SearchResult& r);

/// The JSON contract of `reckon resolve --format json` (ARCHITECTURE.md).
nlohmann::json resolution_json(const Resolution& r);
/// A GeoJSON Feature: the uncertainty polygon (or the point) with the fields as properties.
nlohmann::json resolution_feature(const Resolution& r);
void print_resolution(std::ostream& out, const Resolution& r);

} // namespace reckon::cli
