#include "cli/command_gazetteer.hpp"

#include "cli/output.hpp"
#include "reckon/error.hpp"
#include "reckon/gazetteer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace reckon::cli {

namespace {

const std::vector<std::string> feature_names{"any",    "settlement",    "admin1",  "admin2",
                                             "camp",   "region",        "neighbourhood", "facility"};

FeatureType parse_feature(const std::string& s) {
    for (std::size_t i = 0; i < feature_names.size(); ++i) {
        if (feature_names[i] == s) return static_cast<FeatureType>(i);
    }
    throw UsageError("unknown feature type '" + s + "'");
}

std::vector<std::string> expand_curated(const std::vector<std::string>& inputs) {
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        if (fs::is_directory(in)) {
            std::vector<std::string> files;
            for (const auto& e : fs::directory_iterator(in)) {
                if (e.is_regular_file() && e.path().extension() == ".csv") files.push_back(e.path().string());
            }
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else {
            out.push_back(in);
        }
    }
    return out;
}

} // namespace

CLI::App* CommandGazetteer::setup(CLI::App& parent) {
    m_app = parent.add_subcommand("gazetteer", "Build, search and describe the place gazetteer");
    m_app->require_subcommand(1);
    const std::string gaz_help = "Gazetteer file (default: " + default_gazetteer_path() + ")";

    m_build = m_app->add_subcommand("build", "Build a gazetteer from GeoNames dumps, boundary layers and curated CSVs");
    m_build->add_option("-o,--output,--gazetteer", m_gazetteer, "Gazetteer file to write (default: " +
                                                                    default_gazetteer_path() + ")");
    m_build->add_option("--geonames", m_geonames, "GeoNames dump (19 tab-separated columns), repeatable")
        ->check(CLI::ExistingFile);
    m_build->add_option("--boundaries", m_boundaries,
                        "Admin boundary layers (any OGR source: GeoPackage, Shapefile, GeoJSON), repeatable")
        ->check(CLI::ExistingPath);
    m_build->add_option("--layers", m_layers, "Only these layers of the boundary sources (comma-separated)")
        ->delimiter(',');
    m_build->add_option("--curated", m_curated, "Curated CSV file or directory of them, repeatable")
        ->check(CLI::ExistingPath);
    m_build->add_option("--countries", m_countries, "Keep only these ISO codes, comma-separated (e.g. SY,IQ,TR)");
    m_build->add_flag("--strict", m_strict, "Fail on the first malformed row instead of skipping it");
    m_build->add_flag("-q,--quiet", m_quiet, "Print only warnings and errors");

    m_search = m_app->add_subcommand("search", "Ranked candidates for place names, however they are spelled");
    m_search->add_option("names", m_names, "Place names (one result per name)")->required();
    m_search->add_option("--gazetteer", m_gazetteer, gaz_help);
    m_search->add_option("--near", m_near, "A place nearby, to prefer candidates close to it");
    m_search->add_option("--in", m_in, "A governorate/province or district the place is in (\"Diyala Province\")");
    m_search->add_option("--country", m_country, "ISO alpha-2 country hint (SY, IQ)");
    m_search->add_option("--feature", m_feature, "Kind of feature wanted")->check(CLI::IsMember(feature_names));
    m_search->add_option("--limit", m_limit, "Candidates shown per name")->check(CLI::Range(1, 1000));
    m_search->add_option("--format", m_format, "Output format")->check(CLI::IsMember({"text", "json"}));

    m_info = m_app->add_subcommand("info", "Counts and sources of a gazetteer");
    m_info->add_option("--gazetteer", m_gazetteer, gaz_help);
    m_info->add_option("--format", m_format, "Output format")->check(CLI::IsMember({"text", "json"}));
    return m_app;
}

void CommandGazetteer::validate() {
    if (m_gazetteer.empty()) m_gazetteer = default_gazetteer_path();
    if (m_build->parsed() && m_geonames.empty() && m_boundaries.empty() && m_curated.empty()) {
        throw UsageError("gazetteer build needs at least one --geonames, --boundaries or --curated input");
    }
}

int CommandGazetteer::run() {
    if (m_build->parsed()) return run_build();
    if (m_search->parsed()) return run_search();
    return run_info();
}

int CommandGazetteer::run_build() {
    BuildOptions opt;
    opt.geonames = m_geonames;
    opt.boundaries = m_boundaries;
    opt.boundary_layers = m_layers;
    opt.curated = expand_curated(m_curated);
    opt.on_bad_row = m_strict ? OnBadRow::fail : OnBadRow::skip;
    std::string cc;
    for (char c : m_countries + ",") {
        if (c == ',' || c == ' ') {
            if (!cc.empty()) opt.countries.push_back(cc);
            cc.clear();
        } else {
            cc += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    const BuildReport r = build_gazetteer(m_gazetteer, opt, [&](const std::string& line) {
        if (!m_quiet) std::cerr << line << "\n";
    });
    std::size_t skipped = 0;
    for (const auto& s : r.sources) {
        skipped += s.skipped;
        for (const auto& w : s.warnings) std::cerr << "warning: " << w << "\n";
        if (s.skipped > s.warnings.size()) {
            std::cerr << "warning: " << s.path << ": " << (s.skipped - s.warnings.size()) << " more rows skipped\n";
        }
    }
    if (!m_quiet) {
        std::cout << fmt::format("{}: {} places, {} names, {} admin areas in {:.2f} s ({} rows skipped)\n",
                                 m_gazetteer, r.places, r.names, r.admin_areas, r.seconds, skipped);
    }
    return skipped > 0 ? exit_input_failed : exit_ok;
}

int CommandGazetteer::run_search() {
    Gazetteer gaz(m_gazetteer);
    SearchOptions opt;
    opt.near = m_near;
    opt.in_admin = m_in;
    for (auto& c : m_country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    opt.country = m_country;
    opt.feature = parse_feature(m_feature);
    opt.limit = m_limit;
    int rc = exit_ok;
    for (const auto& name : m_names) {
        const SearchResult r = gaz.search(name, opt);
        if (r.candidates.empty()) rc = exit_input_failed;
        if (m_format == "json") {
            std::cout << search_result_json(r).dump() << "\n";
        } else {
            print_search_result(std::cout, r);
        }
    }
    return rc;
}

int CommandGazetteer::run_info() {
    Gazetteer gaz(m_gazetteer);
    const GazetteerInfo gi = gaz.info();
    if (m_format == "json") {
        nlohmann::json j;
        j["path"] = gi.path;
        j["schema_version"] = gi.schema_version;
        j["built_at"] = gi.built_at;
        j["reckon_version"] = gi.reckon_version;
        j["places"] = gi.places;
        j["names"] = gi.names;
        j["admin_areas"] = gi.admin_areas;
        for (const auto& [k, v] : gi.places_by_country) j["places_by_country"][k] = v;
        for (const auto& [k, v] : gi.places_by_class) j["places_by_feature"][k] = v;
        j["sources"] = nlohmann::json::array();
        for (const auto& s : gi.sources) {
            j["sources"].push_back({{"kind", s.kind}, {"path", s.path}, {"records", s.records}, {"skipped", s.skipped}});
        }
        std::cout << j.dump(2) << "\n";
        return exit_ok;
    }
    std::cout << fmt::format("gazetteer   {}\nschema      {}\nbuilt       {} (reckon {})\n"
                             "places      {}\nnames       {}\nadmin areas {}\n",
                             gi.path, gi.schema_version, gi.built_at, gi.reckon_version, gi.places, gi.names,
                             gi.admin_areas);
    std::cout << "by country ";
    for (const auto& [k, v] : gi.places_by_country) std::cout << " " << k << " " << v;
    std::cout << "\nby feature ";
    std::size_t shown = 0;
    for (const auto& [k, v] : gi.places_by_class) {
        if (++shown > 12) break;
        std::cout << " " << k << " " << v;
    }
    std::cout << "\nsources\n";
    for (const auto& s : gi.sources) {
        std::cout << fmt::format("  {:<10} {:>7} records {:>5} skipped  {}\n", s.kind, s.records, s.skipped, s.path);
    }
    return exit_ok;
}

} // namespace reckon::cli
