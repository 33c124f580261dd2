#include "cli/command_convert.hpp"

#include "reckon/convert.hpp"
#include "reckon/error.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <thread>

namespace reckon::cli {

namespace {

// Format from the output name when --format is not given: x.gpkg → gpkg;
// a name ending in .shp/.geojson/.csv or a directory → that format.
std::string format_from_output(const std::string& out) {
    auto ends = [&](const char* ext) {
        const std::string e(ext);
        return out.size() >= e.size() && out.compare(out.size() - e.size(), e.size(), e) == 0;
    };
    if (ends(".shp") || ends("_shp") || ends("/shp")) return "shp";
    if (ends(".geojson") || ends(".json")) return "geojson";
    if (ends(".csv")) return "csv";
    return "gpkg";
}

} // namespace

CLI::App* CommandConvert::setup(CLI::App& parent) {
    m_app = parent.add_subcommand("convert", "Convert reports (text, HTML, PDF) into GIS layers of incidents");
    m_app->add_option("inputs", m_inputs,
                      "Report files, directories (recursive), globs, @LIST files (one path per line), or - for stdin")
        ->required();
    m_app->add_option("-o,--output", m_output,
                      "Output: a GeoPackage file, or a directory for shp/geojson/csv (one file set per layer)")
        ->required();
    m_app->add_option("-f,--format", m_format, "gpkg (default), shp, geojson or csv")
        ->check(CLI::IsMember({"gpkg", "shp", "geojson", "csv"}));
    m_app->add_option("-j,--jobs", m_jobs, "Worker threads (default: the number of cores)")->check(CLI::Range(1u, 256u));
    auto* ow = m_app->add_flag("--overwrite", m_overwrite, "Replace an existing output");
    auto* ap = m_app->add_flag("--append", m_append,
                               "Add to an existing GeoPackage; incidents already in it (same id) are skipped");
    ow->excludes(ap);
    m_app->add_option("--context", m_context,
                      "Context for reports whose section headings name no place: a province or country");
    m_app->add_option("--report", m_report, "Write per-incident diagnostics to FILE (.csv, or .json)");
    m_app->add_option("--gazetteer", m_gazetteer, "Gazetteer file (default: " + default_gazetteer_path() + ")");
    m_app->add_option("--distance-policy", m_policy, "How written distances are read: wieczorek2020 or frazier2004")
        ->check(CLI::IsMember({"wieczorek2020", "frazier2004"}));
    m_app->add_flag("--no-reporter-error", m_no_reporter_error,
                    "Textbook point-radius model without the calibrated reporter error");
    m_app->add_flag("-q,--quiet", m_quiet, "No progress bar and no summary");
    return m_app;
}

void CommandConvert::validate() {
    if (m_gazetteer.empty()) m_gazetteer = default_gazetteer_path();
    if (m_format.empty()) m_format = format_from_output(m_output);
    if (m_append && m_format != "gpkg") throw UsageError("--append works on GeoPackage output only");
    if (m_jobs == 0) m_jobs = std::max(1u, std::thread::hardware_concurrency());
}

int CommandConvert::run() {
    // Everything that can be checked before the work is: inputs exist, the
    // gazetteer opens, the output may be written.
    std::vector<std::string> skipped;
    const std::vector<std::string> files = expand_inputs(m_inputs, &skipped);
    if (!skipped.empty() && !m_quiet) {
        std::cerr << "reckon: skipped " << skipped.size() << " file" << (skipped.size() == 1 ? "" : "s")
                  << " in the input directories that are not named like reports (.txt, .html, .pdf), e.g. "
                  << skipped.front() << "\n";
    }
    if (files.empty()) throw UsageError("no report files found in the inputs");
    Gazetteer gazetteer(m_gazetteer);
    const WriteMode mode = m_append ? WriteMode::append : m_overwrite ? WriteMode::overwrite : WriteMode::create;
    DatasetWriter writer(m_output, vector_format_from_string(m_format), mode);

    ConvertOptions options;
    options.jobs = m_jobs;
    options.resolve.context = m_context;
    options.resolve.distance_policy = m_policy;
    options.resolve.reporter_error = !m_no_reporter_error;

    const bool tty = !m_quiet && ::isatty(STDERR_FILENO);
    auto progress = [&](std::size_t done, std::size_t total) {
        if (!tty) return;
        const int width = 30;
        const int filled = static_cast<int>(width * done / std::max<std::size_t>(total, 1));
        std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu reports", filled, "##############################", width - filled,
                     "", done, total);
        if (done == total) std::fprintf(stderr, "\n");
        std::fflush(stderr);
    };
    const std::vector<ReportResult> results = convert_files(files, m_gazetteer, options, progress);

    for (const ReportResult& r : results) {
        if (!r.error.empty()) std::cerr << "reckon: " << r.error << "\n";
    }
    write_incident_layers(writer, results, gazetteer);
    const std::vector<WriteStats> stats = writer.commit();
    if (!m_report.empty()) write_diagnostics(m_report, results);

    const ConvertSummary s = summarize(results);
    if (!m_quiet) {
        std::cout << "reports: " << s.reports << " (" << s.failed_reports << " failed)\n"
                  << "incidents: " << s.incidents << "\n"
                  << "resolved: " << s.resolved << "\n"
                  << "unresolved: " << s.unresolved << " (" << s.no_location << " without a location phrase)\n"
                  << "ambiguous: " << s.ambiguous << "\n"
                  << "inconsistent: " << s.inconsistent << "\n";
        std::cout << "wrote " << m_output << " (" << m_format << "):";
        const char* sep = " ";
        for (const WriteStats& w : stats) {
            std::cout << sep << w.layer << " " << w.written;
            if (w.skipped_duplicates > 0) std::cout << " (+" << w.skipped_duplicates << " already there)";
            sep = ", ";
        }
        std::cout << "\n";
    }
    return s.failed_reports > 0 ? exit_input_failed : exit_ok;
}

} // namespace reckon::cli
