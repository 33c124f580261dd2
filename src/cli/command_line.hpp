#pragma once
/// @file command_line.hpp
/// The command line as a library: every command registered on one CLI11 app,
/// parsed from an argument vector, with every usage error (CLI11's and the
/// commands' own) as one typed error. main.cpp and the unit tests both use it.

#include "cli/command.hpp"
#include "reckon/error.hpp"

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace reckon::cli {

/// A usage error with the command it belongs to ("reckon convert").
class CommandLineError : public UsageError {
public:
    /// @param[in] command the command path, "reckon" or "reckon gazetteer build"
    /// @param[in] what    what is wrong, in plain words ("--output is required")
    CommandLineError(std::string command, const std::string& what)
        : UsageError(what), m_command(std::move(command)) {}

    const std::string& command() const noexcept { return m_command; }

private:
    std::string m_command;
};

/// The `reckon` command line: the top-level app with every command of
/// make_commands() (or the given ones) registered.
class CommandLine {
public:
    CommandLine();
    explicit CommandLine(std::vector<std::unique_ptr<Command>> commands);

    /// Parse @p args (the arguments after the program name) and validate the
    /// chosen command's options. Call once per CommandLine.
    /// @param[in]  args the arguments, in order
    /// @param[out] out  where --help and --version are printed
    /// @returns the command to run, or nullptr when --help or --version was
    ///          asked for (and printed)
    /// @throws CommandLineError for every usage error
    Command* parse(const std::vector<std::string>& args, std::ostream& out);

    /// The command path the last parse() reached: "reckon convert".
    const std::string& command_path() const noexcept { return m_path; }

    /// The app itself (for the documentation generator).
    const CLI::App& app() const noexcept { return m_app; }

private:
    CLI::App m_app;
    std::vector<std::unique_ptr<Command>> m_commands;
    std::vector<std::pair<CLI::App*, Command*>> m_registered;
    std::string m_path = "reckon";
};

/// CLI11's message for @p e, in reckon's words: no "ERROR: RequiredError:"
/// class name, no subcommand prefix that @p command_path already gives,
/// lower-case start.
std::string usage_message(const CLI::Error& e, const std::string& command_path);

/// The whole program: parse, run, and turn every error into one line on
/// @p err and an exit code (ExitCode). The only place that does.
int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace reckon::cli
