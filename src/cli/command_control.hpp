#pragma once

#include "cli/command.hpp"

#include <string>
#include <vector>

namespace reckon::cli {

/// `reckon control build|colours`: control areas from evidence and a baseline.
class CommandControl : public Command {
public:
    CLI::App* setup(CLI::App& parent) override;
    void validate() override;
    int run() override;

private:
    int run_build();
    int run_colours();

    CLI::App* m_app = nullptr;
    CLI::App* m_build = nullptr;
    CLI::App* m_colours = nullptr;

    std::string m_gazetteer;
    std::vector<std::string> m_evidence;
    std::string m_baseline;
    std::string m_baseline_field;
    std::string m_baseline_date;
    std::string m_places;
    std::string m_clip;
    std::string m_as_of, m_from, m_to, m_step = "week";
    int m_contest_window_days = 7;
    std::vector<std::string> m_fighting_types;
    std::string m_colours_file;
    std::string m_output;
    std::string m_format = "gpkg";
    bool m_overwrite = false;
    bool m_append = false;
    bool m_quiet = false;
};

} // namespace reckon::cli
