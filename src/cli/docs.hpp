#pragma once
/// @file docs.hpp
/// Man pages and bash completion from the command definitions themselves
/// (the same setup() that makes --help), so the three cannot drift apart.
/// Run at build time by reckon_docs (docs_main.cpp).

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace reckon::cli {

/// One generated man page.
struct ManPage {
    std::string name;     ///< "reckon-convert" (the file is NAME.1)
    std::string content;  ///< roff, man(7) macros
};

/// A man page for @p root and for every subcommand under it, depth first:
/// reckon(1), reckon-convert(1), reckon-gazetteer(1), reckon-gazetteer-build(1), ...
std::vector<ManPage> man_pages(const CLI::App& root, const std::string& version);

/// A bash completion script for @p root (`complete -F _reckon reckon`):
/// subcommand names, each command's options, and the choices of options
/// that take one of a fixed set of values.
std::string bash_completion(const CLI::App& root);

} // namespace reckon::cli
