// reckon command-line entry point: the only place where errors become exit
// codes and messages.

#include "cli/command.hpp"
#include "reckon/error.hpp"
#include "reckon/version.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    using namespace reckon;
    CLI::App app{"reckon: place phrases in conflict reports on Syria and Iraq, turned into geometry"};
    app.set_version_flag("--version", std::string("reckon ") + version_string);
    app.require_subcommand(1);
    app.failure_message(CLI::FailureMessage::help);

    auto commands = cli::make_commands();
    std::vector<std::pair<CLI::App*, cli::Command*>> registered;
    for (auto& c : commands) registered.emplace_back(c->setup(app), c.get());

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return cli::exit_usage;
    }

    try {
        for (auto& [sub, cmd] : registered) {
            if (sub->parsed()) {
                cmd->validate();
                return cmd->run();
            }
        }
        std::cerr << "reckon: no command given (try reckon --help)\n";
        return cli::exit_usage;
    } catch (const UsageError& e) {
        std::cerr << "reckon: " << e.what() << " (try --help)\n";
        return cli::exit_usage;
    } catch (const GazetteerError& e) {
        std::cerr << "reckon: " << e.what() << "\n";
        return cli::exit_input_failed;
    } catch (const Error& e) {
        std::cerr << "reckon: " << e.what() << "\n";
        return cli::exit_input_failed;
    } catch (const std::exception& e) {
        std::cerr << "reckon: internal error: " << e.what() << "\n";
        return cli::exit_input_failed;
    }
}
