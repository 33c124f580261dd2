// reckon_docs: writes the man pages and the bash completion script from the
// command definitions, at build time (CMakeLists.txt). Not installed.
//   reckon_docs MAN_DIR COMPLETION_FILE

#include "cli/command_line.hpp"
#include "cli/docs.hpp"
#include "reckon/version.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

bool write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) std::cerr << "reckon_docs: cannot write " << path.string() << "\n";
    return static_cast<bool>(out);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: reckon_docs MAN_DIR COMPLETION_FILE\n";
        return 2;
    }
    const std::filesystem::path man_dir = argv[1], completion = argv[2];
    // The help texts name the default gazetteer path, read from the
    // environment; the pages show the usual one, not the build machine's.
    ::unsetenv("RECKON_GAZETTEER");
    ::setenv("XDG_DATA_HOME", "~/.local/share", 1);
    const reckon::cli::CommandLine command_line;
    std::error_code ec;
    std::filesystem::create_directories(man_dir, ec);
    if (completion.has_parent_path()) std::filesystem::create_directories(completion.parent_path(), ec);
    bool ok = true;
    for (const auto& page : reckon::cli::man_pages(command_line.app(), reckon::version_string)) {
        ok = write_file(man_dir / (page.name + ".1"), page.content) && ok;
    }
    ok = write_file(completion, reckon::cli::bash_completion(command_line.app())) && ok;
    return ok ? 0 : 1;
}
