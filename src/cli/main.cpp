// reckon command-line entry point. Parsing, running and turning errors into
// messages and exit codes live in command_line.cpp (a library the tests use).

#include "cli/command_line.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return reckon::cli::run_command_line(args, std::cout, std::cerr);
}
