#include "cli/command_control.hpp"

#include "control/dates.hpp"
#include "reckon/control.hpp"
#include "reckon/error.hpp"
#include "reckon/export.hpp"
#include "reckon/gazetteer.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <set>

namespace reckon::cli {

namespace {

Date parse_date_option(const std::string& option, const std::string& value) {
    const auto d = control::detail::parse_date(value);
    if (!d) throw UsageError(option + " '" + value + "' is not a date (YYYY-MM-DD)");
    return *d;
}

} // namespace

CLI::App* CommandControl::setup(CLI::App& parent) {
    m_app = parent.add_subcommand("control", "Control areas: who holds what, per controller and date");
    m_app->require_subcommand(1);

    m_build = m_app->add_subcommand("build", "Build control_areas and control_changes layers from evidence and a baseline");
    m_build->add_option("--evidence", m_evidence,
                        "Evidence: an incidents layer (reckon convert output) or an analyst's table (CSV or any OGR "
                        "layer of place, controller, date); repeatable")
        ->check(CLI::ExistingFile);
    m_build->add_option("--baseline", m_baseline, "A control map to update: polygons with a controller field (any OGR source)")
        ->check(CLI::ExistingFile);
    m_build->add_option("--baseline-field", m_baseline_field, "The baseline's controller field (default: controller, held_by, ...)");
    m_build->add_option("--baseline-date", m_baseline_date, "The baseline's date: evidence up to it is already in it");
    m_build->add_option("--places", m_places, "Settlements to assign (CSV id,name,lat,lon) instead of the gazetteer's")
        ->check(CLI::ExistingFile);
    m_build->add_option("--clip", m_clip,
                        "What the areas cover: country, province (those holding the evidence) or a polygon file "
                        "(default: the baseline's extent, else country)");
    m_build->add_option("--as-of", m_as_of, "One snapshot: control as of this date (YYYY-MM-DD)");
    m_build->add_option("--from", m_from, "A series of snapshots from this date ...");
    m_build->add_option("--to", m_to, "... to this date");
    m_build->add_option("--step", m_step, "Snapshot step of a series: day or week")->check(CLI::IsMember({"day", "week"}));
    m_build->add_option("--contest-window", m_contest_window_days,
                        "Days before a snapshot in which conflicting evidence or fighting marks a place contested")
        ->check(CLI::Range(0, 3650));
    m_build->add_option("--fighting-types", m_fighting_types,
                        "Incident event types that report fighting (contest a place), comma-separated, e.g. armed_attack")
        ->delimiter(',');
    m_build->add_option("--colours,--colors", m_colours_file, "Colours file: CSV controller,colour,label[,aliases]")
        ->check(CLI::ExistingFile);
    m_build->add_option("-o,--output", m_output, "Output dataset (a GeoPackage file, or a directory for shp/geojson/csv)")
        ->required();
    m_build->add_option("--format", m_format, "Output format: gpkg, shp, geojson or csv")
        ->check(CLI::IsMember({"gpkg", "shp", "geojson", "csv"}));
    m_build->add_flag("--overwrite", m_overwrite, "Replace the output if it exists");
    m_build->add_flag("--append", m_append, "Add the layers' new features to an existing GeoPackage");
    m_build->add_option("--gazetteer", m_gazetteer, "Gazetteer file (default: " + default_gazetteer_path() + ")");
    m_build->add_flag("-q,--quiet", m_quiet, "Print only warnings and errors");

    m_colours = m_app->add_subcommand("colours", "Print the default colours file (a start for --colours)");
    m_colours->alias("colors");
    return m_app;
}

void CommandControl::validate() {
    if (m_gazetteer.empty()) m_gazetteer = default_gazetteer_path();
    if (!m_build->parsed()) return;
    if (m_evidence.empty() && m_baseline.empty()) throw UsageError("control build needs --evidence FILE or --baseline FILE");
    const bool series = !m_from.empty() || !m_to.empty();
    if (!m_as_of.empty() && series) throw UsageError("give --as-of DATE or --from DATE --to DATE, not both");
    if (m_as_of.empty() && !series) throw UsageError("control build needs --as-of DATE or --from DATE --to DATE");
    if (series && (m_from.empty() || m_to.empty())) throw UsageError("a series needs both --from and --to");
    if (!m_as_of.empty()) parse_date_option("--as-of", m_as_of);
    if (series) {
        // throws for --from after --to
        snapshot_dates(parse_date_option("--from", m_from), parse_date_option("--to", m_to),
                       m_step == "day" ? SnapshotStep::day : SnapshotStep::week);
    }
    if (!m_baseline_date.empty()) parse_date_option("--baseline-date", m_baseline_date);
    if (!m_clip.empty() && m_clip != "country" && m_clip != "province" && !std::filesystem::exists(m_clip)) {
        throw UsageError("--clip '" + m_clip + "' is neither country, province nor an existing polygon file");
    }
    if (m_overwrite && m_append) throw UsageError("give --overwrite or --append, not both");
    if (m_append && m_format != "gpkg") throw UsageError("--append works on a GeoPackage only");
}

int CommandControl::run() {
    if (m_colours->parsed()) return run_colours();
    return run_build();
}

int CommandControl::run_colours() {
    std::cout << ControllerTable::defaults().to_csv();
    return exit_ok;
}

int CommandControl::run_build() {
    const ControllerTable controllers =
        m_colours_file.empty() ? ControllerTable::defaults() : ControllerTable::from_csv(m_colours_file);
    Gazetteer gaz(m_gazetteer);
    std::vector<std::string> errors, notes;
    std::set<std::string> crs;
    auto keep = [](std::vector<std::string>& into, const std::vector<std::string>& from) {
        into.insert(into.end(), from.begin(), from.end());
    };

    ControlInputs in;
    EvidenceOptions eo;
    eo.fighting_event_types = m_fighting_types;
    for (const auto& path : m_evidence) {
        EvidenceRead r = read_control_evidence(path, gaz, controllers, eo);
        keep(errors, r.errors);
        keep(notes, r.notes);
        for (const auto& c : r.crs) crs.insert(c.empty() ? "EPSG:4326" : c);
        in.evidence.insert(in.evidence.end(), r.evidence.begin(), r.evidence.end());
    }
    if (!m_baseline.empty()) {
        Baseline b = read_control_baseline(m_baseline, controllers, m_baseline_field);
        keep(errors, b.errors);
        keep(notes, b.notes);
        for (const auto& c : b.crs) crs.insert(c.empty() ? "EPSG:4326" : c);
        in.baseline = std::move(b);
    }
    if (crs.size() > 1) {
        std::vector<std::string> list(crs.begin(), crs.end());
        std::string s;
        for (const auto& c : list) s += (s.empty() ? "" : ", ") + c;
        notes.push_back("the inputs are in different CRSs (" + s + "): all were reprojected to EPSG:4326");
    }
    if (!m_places.empty()) in.settlements = read_settlements_csv(m_places);

    ControlOptions opt;
    if (!m_as_of.empty()) {
        opt.as_of = {parse_date_option("--as-of", m_as_of)};
    } else {
        opt.as_of = snapshot_dates(parse_date_option("--from", m_from), parse_date_option("--to", m_to),
                                   m_step == "day" ? SnapshotStep::day : SnapshotStep::week);
    }
    opt.clip = m_clip;
    opt.contest_window_days = m_contest_window_days;
    if (!m_baseline_date.empty()) opt.baseline_date = parse_date_option("--baseline-date", m_baseline_date);

    const ControlResult result = build_control(in, opt, gaz);
    keep(errors, result.errors);
    keep(notes, result.notes);

    const WriteMode mode = m_append ? WriteMode::append : (m_overwrite ? WriteMode::overwrite : WriteMode::create);
    DatasetWriter writer(m_output, vector_format_from_string(m_format), mode);
    write_control_layers(writer, result, controllers);
    const std::vector<WriteStats> stats = writer.commit();

    for (const auto& e : errors) std::cerr << "warning: " << e << "\n";
    if (!m_quiet) {
        for (const auto& n : notes) std::cerr << "note: " << n << "\n";
        const std::string span = opt.as_of.size() == 1
                                     ? "as of " + control::detail::iso(opt.as_of.front())
                                     : fmt::format("{} snapshots from {} to {}", opt.as_of.size(),
                                                   control::detail::iso(opt.as_of.front()), control::detail::iso(opt.as_of.back()));
        std::cout << fmt::format("{}: {}; {} evidence items, {} sites; clip {}\n", m_output, span, in.evidence.size(),
                                 result.settlements, result.clip);
        for (const auto& s : stats) {
            std::cout << fmt::format("  {}: {} features written{}\n", s.layer, s.written,
                                     s.skipped_duplicates ? fmt::format(", {} already there", s.skipped_duplicates) : "");
        }
    }
    return errors.empty() ? exit_ok : exit_input_failed;
}

} // namespace reckon::cli
