#pragma once

#include "cli/command.hpp"

#include <string>
#include <vector>

namespace reckon::cli {

/// `reckon resolve PHRASE... | --input FILE`.
class CommandResolve : public Command {
public:
    CLI::App* setup(CLI::App& parent) override;
    void validate() override;
    int run() override;

private:
    CLI::App* m_app = nullptr;
    std::vector<std::string> m_phrases;
    std::string m_input;
    std::string m_column;
    std::string m_context;
    std::string m_format = "text";
    std::string m_gazetteer;
    std::string m_policy = "wieczorek2020";
    bool m_no_reporter_error = false;
    bool m_no_polygon = false;
};

} // namespace reckon::cli
