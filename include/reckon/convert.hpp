#pragma once
/// @file convert.hpp
/// The main job: report files → incidents → resolved locations → layers.
/// Wires the report, resolver and export modules together; the CLI only
/// parses options and prints.

#include "reckon/export.hpp"
#include "reckon/gazetteer.hpp"
#include "reckon/report.hpp"
#include "reckon/resolver.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace reckon {

/// Expand command-line inputs into report files, in a stable order:
/// files as given (whatever their name); directories recursively (sorted,
/// hidden entries skipped, and only files named like reports: .txt, .text,
/// .html, .htm, .xhtml, .pdf — an archive's images and scripts are left out,
/// listed in @p skipped when given); glob patterns (`*`, `?`, `[..]`); `@LIST`
/// reads one path per line (blank lines and `#` comments skipped, relative
/// paths from the list's directory); `-` is standard input. Throws InputError
/// for a list file line naming a missing file, IoError for a missing file or
/// directory, UsageError when a glob matches nothing.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                       std::vector<std::string>* skipped = nullptr);

/// True for a file name a directory scan takes as a report (by extension).
bool is_report_file_name(const std::string& path);

/// Section heading → context the resolver understands ("Diyala Province" →
/// "Diyala Province"; "Al-Raqqah area" → the province of Al-Raqqah; "The
/// Iraqi arena" → "Iraq"). "" when the heading names no place.
std::string context_for_section(const Gazetteer& gazetteer, const std::string& section);

struct ConvertOptions {
    ResolveOptions resolve;    ///< context here is the user's --context (used when a section gives none)
    unsigned jobs = 1;         ///< worker threads (each opens its own gazetteer connection)
};

/// One incident with the location it resolved to.
struct ResolvedIncident {
    Incident incident;
    std::string phrase;        ///< the location phrase used ("" when the incident has none)
    std::string context;       ///< the context it was resolved with
    Resolution resolution;     ///< status none when phrase is ""
    bool has_location = false; ///< a phrase was found (resolution is meaningful)
};

/// One report file's outcome.
struct ReportResult {
    std::string path;
    std::string title;
    std::vector<ResolvedIncident> incidents;
    std::string error;         ///< "" or why the file could not be read (InputError text)
};

struct ConvertSummary {
    std::size_t reports = 0;
    std::size_t failed_reports = 0;
    std::size_t incidents = 0;
    std::size_t resolved = 0;      ///< status ok
    std::size_t unresolved = 0;    ///< unresolved, error, or no location phrase
    std::size_t ambiguous = 0;
    std::size_t inconsistent = 0;
    std::size_t no_location = 0;   ///< incidents without any location phrase (counted in unresolved too)
};

/// Resolve the incidents of one report (its locations, with section context).
ReportResult convert_report(const ReportText& report, const Resolver& resolver, const Gazetteer& gazetteer,
                            const ConvertOptions& options);

/// Read and convert every file; results in input order. A file that cannot
/// be read gets ReportResult::error and the rest go on.
/// @param[in] progress called after each file with (done, total); may be empty
std::vector<ReportResult> convert_files(const std::vector<std::string>& files, const std::string& gazetteer_path,
                                        const ConvertOptions& options,
                                        const std::function<void(std::size_t, std::size_t)>& progress = {});

ConvertSummary summarize(const std::vector<ReportResult>& results);

/// Write the layers incidents, incident_areas and places to @p writer
/// (which the caller commits). Returns the number of features per layer.
void write_incident_layers(DatasetWriter& writer, const std::vector<ReportResult>& results,
                           const Gazetteer& gazetteer);

/// Per-incident diagnostics for `--report FILE` (.csv or .json by extension).
/// Written atomically.
void write_diagnostics(const std::string& path, const std::vector<ReportResult>& results);

} // namespace reckon
