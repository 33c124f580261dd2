#pragma once
// Argument handling tests call the commands' setup()/validate() through the
// library's CommandLine, with argument vectors, as osmium-tool's tests do.

#include "cli/command_line.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace reckon::test {

/// Parse @p args as `reckon ARGS...` on a fresh command line; true when a
/// command was chosen and validated, false for --help/--version.
/// @throws cli::CommandLineError (a reckon::UsageError) for a usage error
inline bool parse(const std::vector<std::string>& args) {
    cli::CommandLine command_line;
    std::ostringstream out;
    return command_line.parse(args, out) != nullptr;
}

/// The message of the usage error @p args cause ("" when they parse).
inline std::string usage_error(const std::vector<std::string>& args) {
    try {
        parse(args);
    } catch (const cli::CommandLineError& e) {
        return e.command() + ": " + e.what();
    }
    return "";
}

/// A file that exists, for options checked with CLI::ExistingFile.
inline std::string data_file(const std::string& relative) {
    return std::string(RECKON_SOURCE_DIR) + "/tests/data/" + relative;
}

/// The whole program on @p args: exit code, stdout and stderr.
struct Run {
    int rc = 0;
    std::string out, err;
};
inline Run run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    Run r;
    r.rc = cli::run_command_line(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace reckon::test
