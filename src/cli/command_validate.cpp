#include "cli/command_validate.hpp"

#include "cli/validate_output.hpp"
#include "reckon/convert.hpp"
#include "reckon/error.hpp"
#include "reckon/validate.hpp"

#include <iostream>
#include <iterator>

namespace reckon::cli {

CLI::App* CommandValidate::setup(CLI::App& parent) {
    m_app = parent.add_subcommand(
        "validate", "List every place mention in reports or tables with a verdict: resolved, unknown, ambiguous or "
                    "inconsistent");
    m_app->add_option("inputs", m_inputs,
                      "Reports (text, HTML, PDF; files, directories, globs, @LIST, -), or tables with --column")
        ->required();
    m_app->add_option("--column", m_column,
                      "Read the inputs as tables (CSV, or any OGR-readable table); this column holds the place names "
                      "or location phrases");
    m_app->add_option("--lat", m_lat, "Table column with the given latitude (checked against the named place)");
    m_app->add_option("--lon", m_lon, "Table column with the given longitude");
    m_app->add_option("--context-column", m_context_column,
                      "Table column with a province or country for each row (narrows and checks the place)");
    m_app->add_option("--context", m_context, "Context where a report or row gives none: a province or country");
    m_app->add_option("--format", m_format, "Output: text (compiler-style), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    m_app->add_option("--style", m_style, "Canonical spelling suggested for resolved names: geonames, ascii or arabic")
        ->check(CLI::IsMember({"geonames", "ascii", "arabic"}));
    m_app->add_option("--fail-on", m_fail_on,
                      "Exit with status 1 if any mention is one of these: unknown, ambiguous, inconsistent")
        ->delimiter(',')
        ->check(CLI::IsMember({"unknown", "ambiguous", "inconsistent"}));
    m_app->add_flag("--problems-only", m_problems_only, "List only unknown, ambiguous and inconsistent mentions");
    m_app->add_option("--gazetteer", m_gazetteer, "Gazetteer file (default: " + default_gazetteer_path() + ")");
    m_app->add_option("--distance-policy", m_policy, "How written distances are read: wieczorek2020 or frazier2004")
        ->check(CLI::IsMember({"wieczorek2020", "frazier2004"}));
    return m_app;
}

void CommandValidate::validate() {
    if (m_gazetteer.empty()) m_gazetteer = default_gazetteer_path();
    const bool table = !m_column.empty();
    if (!table && (!m_lat.empty() || !m_lon.empty() || !m_context_column.empty())) {
        throw UsageError("--lat, --lon and --context-column need --column (they are for tables)");
    }
    if (m_lat.empty() != m_lon.empty()) throw UsageError("--lat and --lon go together");
}

int CommandValidate::run() {
    Gazetteer gazetteer(m_gazetteer);
    ValidateOptions options;
    options.style = spelling_style_from_string(m_style);
    options.context = m_context;
    options.resolve.distance_policy = m_policy;
    Validator validator(gazetteer, options);

    int rc = exit_ok;
    auto failed = [&](const std::string& what) {
        std::cerr << "reckon: " << what << "\n";
        rc = exit_input_failed;
    };
    if (!m_column.empty()) {
        TableOptions table{m_column, m_lat, m_lon, m_context_column};
        for (const std::string& path : m_inputs) {
            try {
                validator.add_table(path, table);
            } catch (const InputError& e) {
                failed(e.what());
            } catch (const IoError& e) {
                failed(e.what());
            }
        }
    } else {
        for (const std::string& path : expand_inputs(m_inputs)) {
            try {
                if (path == "-") {
                    const std::string content((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
                    validator.add_report(read_report(content, "<stdin>", detect_input_format(content)));
                } else {
                    validator.add_report(read_report(path));
                }
            } catch (const InputError& e) {
                failed(e.what());
            } catch (const IoError& e) {
                failed(e.what());
            }
        }
    }
    const std::vector<PlaceMention> mentions = validator.finish();
    if (m_format == "json") {
        print_validation_json(std::cout, mentions, m_problems_only);
    } else if (m_format == "csv") {
        print_validation_csv(std::cout, mentions, m_problems_only);
    } else {
        print_validation_text(std::cout, mentions, m_problems_only);
    }
    for (const std::string& kind : m_fail_on) {
        const auto v = mention_verdict_from_string(kind);
        for (const PlaceMention& m : mentions) {
            if (v && m.verdict == *v) rc = exit_input_failed;
        }
    }
    return rc;
}

} // namespace reckon::cli
