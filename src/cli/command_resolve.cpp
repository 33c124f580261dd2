#include "cli/command_resolve.hpp"

#include "cli/output.hpp"
#include "reckon/error.hpp"
#include "reckon/gazetteer.hpp"
#include "reckon/resolver.hpp"
#include "text/csv.hpp"
#include "text/normalize.hpp"

#include <fstream>
#include <iostream>

namespace reckon::cli {

CLI::App* CommandResolve::setup(CLI::App& parent) {
    m_app = parent.add_subcommand("resolve", "Turn location phrases into a point, an uncertainty radius and polygon");
    m_app->add_option("phrases", m_phrases, "Phrases (\"14 km north of Al-Mayadeen\"); or use --input");
    m_app->add_option("-i,--input", m_input, "File with one phrase per line ('-' for stdin), or a CSV with --column");
    m_app->add_option("--column", m_column, "CSV column holding the phrases (the input is then read as CSV)");
    m_app->add_option("--context", m_context,
                      "Context that narrows places: a province heading (\"Diyala Province\") or a country");
    m_app->add_option("--format", m_format, "Output: text, json (JSON Lines) or geojson")
        ->check(CLI::IsMember({"text", "json", "geojson"}));
    m_app->add_option("--gazetteer", m_gazetteer, "Gazetteer file (default: " + default_gazetteer_path() + ")");
    m_app->add_option("--distance-policy", m_policy, "How written distances are read: wieczorek2020 or frazier2004")
        ->check(CLI::IsMember({"wieczorek2020", "frazier2004"}));
    m_app->add_flag("--no-reporter-error", m_no_reporter_error,
                    "Textbook point-radius model without the calibrated reporter error");
    m_app->add_flag("--no-polygon", m_no_polygon, "Skip the uncertainty polygon (faster)");
    return m_app;
}

void CommandResolve::validate() {
    if (m_gazetteer.empty()) m_gazetteer = default_gazetteer_path();
    if (m_phrases.empty() && m_input.empty()) throw UsageError("resolve needs phrases or --input FILE");
    if (!m_phrases.empty() && !m_input.empty()) throw UsageError("give phrases or --input, not both");
    if (!m_column.empty() && m_input.empty()) throw UsageError("--column needs --input");
}

int CommandResolve::run() {
    // Read every input first: a bad file fails before any output.
    std::vector<std::string> phrases = m_phrases;
    std::vector<std::string> errors;  // per line, "" when fine
    if (!m_input.empty()) {
        std::ifstream file;
        std::istream* in = &std::cin;
        if (m_input != "-") {
            file.open(m_input, std::ios::binary);
            if (!file) throw IoError(m_input + ": cannot open");
            in = &file;
        }
        if (!m_column.empty()) {
            text::CsvReader csv(*in, m_input);
            std::vector<std::string> row;
            if (!csv.next(row)) throw InputError(m_input, 1, "empty CSV: a header line is required");
            std::size_t col = row.size();
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (row[i] == m_column) col = i;
            }
            if (col == row.size()) throw InputError(m_input, 1, "no column '" + m_column + "' in the header");
            while (true) {
                try {
                    if (!csv.next(row)) break;
                } catch (const InputError& e) {
                    phrases.emplace_back();
                    errors.resize(phrases.size());
                    errors.back() = e.what();
                    break;
                }
                phrases.push_back(col < row.size() ? row[col] : std::string());
                errors.resize(phrases.size());
                if (col >= row.size()) errors.back() = m_input + ":" + std::to_string(csv.line()) + ": no field " + m_column;
            }
        } else {
            std::string line;
            std::size_t n = 0;
            while (std::getline(*in, line)) {
                ++n;
                if (!line.empty() && line.back() == '\r') line.pop_back();
                phrases.push_back(line);
                errors.resize(phrases.size());
                if (!text::valid_utf8(line)) errors.back() = m_input + ":" + std::to_string(n) + ": invalid UTF-8";
            }
        }
    }
    errors.resize(phrases.size());

    Gazetteer gaz(m_gazetteer);
    Resolver resolver(gaz);
    ResolveOptions opt;
    opt.context = m_context;
    opt.distance_policy = m_policy;
    opt.reporter_error = !m_no_reporter_error;
    opt.polygon = !m_no_polygon;

    int rc = exit_ok;
    nlohmann::json collection{{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        Resolution r;
        if (!errors[i].empty()) {
            r.input = text::sanitize_utf8(phrases[i]);
            r.status = ResolveStatus::error;
            r.messages.push_back(errors[i]);
        } else {
            r = resolver.resolve(phrases[i], opt);
        }
        if (r.status == ResolveStatus::error || r.status == ResolveStatus::unresolved) rc = exit_input_failed;
        if (m_format == "json") {
            std::cout << resolution_json(r).dump() << "\n";
        } else if (m_format == "geojson") {
            collection["features"].push_back(resolution_feature(r));
        } else {
            print_resolution(std::cout, r);
        }
    }
    if (m_format == "geojson") std::cout << collection.dump() << "\n";
    return rc;
}

} // namespace reckon::cli
