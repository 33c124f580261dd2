#include "cli/command.hpp"
#include "cli/command_control.hpp"
#include "cli/command_convert.hpp"
#include "cli/command_gazetteer.hpp"
#include "cli/command_resolve.hpp"
#include "cli/command_validate.hpp"

namespace reckon::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> out;
    out.push_back(std::make_unique<CommandGazetteer>());
    out.push_back(std::make_unique<CommandResolve>());
    out.push_back(std::make_unique<CommandConvert>());
    out.push_back(std::make_unique<CommandValidate>());
    out.push_back(std::make_unique<CommandControl>());
    return out;
}

} // namespace reckon::cli
