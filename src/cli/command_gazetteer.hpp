#pragma once

#include "cli/command.hpp"

#include <string>
#include <vector>

namespace reckon::cli {

/// `reckon gazetteer build|search|info`.
class CommandGazetteer : public Command {
public:
    CLI::App* setup(CLI::App& parent) override;
    void validate() override;
    int run() override;

private:
    int run_build();
    int run_search();
    int run_info();

    CLI::App* m_app = nullptr;
    CLI::App* m_build = nullptr;
    CLI::App* m_search = nullptr;
    CLI::App* m_info = nullptr;

    std::string m_gazetteer;
    std::string m_format = "text";

    // build
    std::vector<std::string> m_geonames, m_boundaries, m_layers, m_curated;
    std::string m_countries;
    bool m_strict = false;
    bool m_quiet = false;

    // search
    std::vector<std::string> m_names;
    std::string m_near, m_in, m_country, m_feature = "any";
    std::size_t m_limit = 5;
};

} // namespace reckon::cli
