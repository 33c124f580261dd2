#pragma once

#include "cli/command.hpp"

#include <string>
#include <vector>

namespace reckon::cli {

/// `reckon convert INPUT... -o OUT`: reports → incidents → GIS layers.
class CommandConvert : public Command {
public:
    CLI::App* setup(CLI::App& parent) override;
    void validate() override;
    int run() override;

private:
    CLI::App* m_app = nullptr;
    std::vector<std::string> m_inputs;
    std::string m_output;
    std::string m_format;
    unsigned m_jobs = 0;
    bool m_overwrite = false;
    bool m_append = false;
    std::string m_context;
    std::string m_report;
    std::string m_gazetteer;
    std::string m_policy = "wieczorek2020";
    bool m_no_reporter_error = false;
    bool m_quiet = false;
};

} // namespace reckon::cli
