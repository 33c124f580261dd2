// The command line as a whole: unknown commands and options, help and
// version, and the one error style (a line "reckon CMD: problem (try ...)"
// and exit code 2) for CLI11's errors and the commands' own.

#include "cli/command_convert.hpp"
#include "cli_support.hpp"
#include "reckon/version.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using reckon::UsageError;
using reckon::test::parse;
using reckon::test::run;
using reckon::test::usage_error;

TEST_CASE("cli: a command is required, and must be one", "[cli]") {
    REQUIRE_THROWS_AS(parse({}), UsageError);
    CHECK(usage_error({}) == "reckon: a subcommand is required");
    CHECK(usage_error({"frob"}) ==
          "reckon: 'frob' is not a command; the commands are gazetteer, resolve, convert, validate or control");
    CHECK(usage_error({"--bogus"}) == "reckon: unknown option --bogus");
    CHECK(usage_error({"--bogus=1", "convert"}) == "reckon: unknown option --bogus=1");
    CHECK(usage_error({"Convert", "x", "-o", "y"}) != "");  // names are case-sensitive
}

TEST_CASE("cli: --help and --version print and choose no command", "[cli]") {
    CHECK_FALSE(parse({"--help"}));
    CHECK_FALSE(parse({"--version"}));
    CHECK_FALSE(parse({"convert", "--help"}));
    CHECK_FALSE(parse({"gazetteer", "search", "-h"}));

    const auto version = run({"--version"});
    CHECK(version.rc == 0);
    CHECK(version.out == std::string("reckon ") + reckon::version_string + "\n");
    CHECK(version.err.empty());

    const auto help = run({"convert", "--help"});
    CHECK(help.rc == 0);
    CHECK_THAT(help.out, Contains("Usage: reckon convert [OPTIONS] inputs..."));
    CHECK_THAT(help.out, Contains("--output"));
    CHECK(help.err.empty());
}

TEST_CASE("cli: usage errors are one line on stderr and exit code 2", "[cli]") {
    // CLI11's own error (no "ERROR: RequiredError:", no help dump)
    const auto no_output = run({"convert", "report.txt"});
    CHECK(no_output.rc == 2);
    CHECK(no_output.out.empty());
    CHECK(no_output.err == "reckon convert: --output is required (try 'reckon convert --help')\n");

    const auto none = run({});
    CHECK(none.rc == 2);
    CHECK(none.err == "reckon: a subcommand is required (try --help)\n");

    // the subcommand prefix CLI11 adds to some messages is not repeated
    const auto extra = run({"resolve", "--bogus"});
    CHECK(extra.rc == 2);
    CHECK(extra.err ==
          "reckon resolve: the following argument was not expected: --bogus (try 'reckon resolve --help')\n");

    // a command's own check (validate()) in the same style
    const auto own = run({"resolve"});
    CHECK(own.rc == 2);
    CHECK(own.err == "reckon resolve: resolve needs phrases or --input FILE (try 'reckon resolve --help')\n");

    // nested commands name their whole path
    const auto nested = run({"gazetteer", "search"});
    CHECK(nested.rc == 2);
    CHECK(nested.err == "reckon gazetteer search: names is required (try 'reckon gazetteer search --help')\n");
}

TEST_CASE("cli: errors while running are not usage errors", "[cli]") {
    const auto missing = run({"gazetteer", "info", "--gazetteer", "/nonexistent/reckon-test/none.sqlite"});
    CHECK(missing.rc == 1);
    CHECK_THAT(missing.err, StartsWith("reckon: "));
    CHECK_THAT(missing.err, Contains("none.sqlite"));
    CHECK_THAT(missing.err, !Contains("--help"));
}

TEST_CASE("cli: a command's setup() stands alone, without the registry", "[cli]") {
    auto parse_alone = [](std::vector<std::string> args) {
        std::vector<std::unique_ptr<reckon::cli::Command>> commands;
        commands.push_back(std::make_unique<reckon::cli::CommandConvert>());
        reckon::cli::CommandLine command_line(std::move(commands));
        std::ostringstream out;
        return command_line.parse(args, out) != nullptr;
    };
    CHECK(parse_alone({"convert", "report.txt", "-o", "out.gpkg"}));
    REQUIRE_THROWS_AS(parse_alone({"convert", "report.txt"}), UsageError);
    REQUIRE_THROWS_AS(parse_alone({"resolve", "x"}), UsageError);
}

TEST_CASE("cli: usage_message rewords CLI11's messages", "[cli]") {
    using reckon::cli::usage_message;
    CHECK(usage_message(CLI::RequiredError::Subcommand(1), "reckon") == "a subcommand is required");
    CHECK(usage_message(CLI::RequiredError("--output"), "reckon convert") == "--output is required");
    CHECK(usage_message(CLI::ExtrasError("search", {"--x"}), "reckon gazetteer search") ==
          "the following argument was not expected: --x");
    CHECK(usage_message(CLI::ValidationError("--geonames", "File does not exist: a.txt"), "reckon gazetteer build") ==
          "--geonames: file does not exist: a.txt");
    CHECK(usage_message(CLI::ValidationError("--countries", "ISO codes only"), "reckon") ==
          "--countries: ISO codes only");
}
