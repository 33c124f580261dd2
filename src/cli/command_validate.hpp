#pragma once

#include "cli/command.hpp"

#include <string>
#include <vector>

namespace reckon::cli {

/// `reckon validate INPUT...`: every place mention in reports or tables, with a verdict.
class CommandValidate : public Command {
public:
    CLI::App* setup(CLI::App& parent) override;
    void validate() override;
    int run() override;

private:
    CLI::App* m_app = nullptr;
    std::vector<std::string> m_inputs;
    std::string m_column;
    std::string m_lat;
    std::string m_lon;
    std::string m_context_column;
    std::string m_context;
    std::string m_format = "text";
    std::string m_style = "geonames";
    std::vector<std::string> m_fail_on;
    bool m_problems_only = false;
    std::string m_gazetteer;
    std::string m_policy = "wieczorek2020";
};

} // namespace reckon::cli
