#pragma once
/// @file command.hpp
/// One class per subcommand (osmium-tool style): setup() declares and
/// validates options, run() does the work and returns the exit code.

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

namespace reckon::cli {

/// Exit codes (ARCHITECTURE.md): 0 success, 1 some input failed, 2 usage.
enum ExitCode : int { exit_ok = 0, exit_input_failed = 1, exit_usage = 2 };

class Command {
public:
    virtual ~Command() = default;
    /// Register the subcommand and its options on @p parent.
    virtual CLI::App* setup(CLI::App& parent) = 0;
    /// Check option combinations after parsing; throw reckon::UsageError.
    virtual void validate() {}
    /// Do the work.
    virtual int run() = 0;
};

/// All commands, registered in one place (commands.cpp).
std::vector<std::unique_ptr<Command>> make_commands();

} // namespace reckon::cli
