// Fuzz the curated CSV import: the input is written to a file, as is (no
// header prepended), and built into a gazetteer as a curated CSV
// (OnBadRow::skip). Malformed rows must be skipped with a warning; a
// reckon::Error (e.g. a header without the required columns) is an acceptable
// outcome, anything else (a crash, a sanitizer report, another exception) is a
// finding. When the build succeeds the gazetteer is opened and searched for
// the name on the first data row.
//
// Scratch files live in a directory under $TMPDIR, removed at exit.
// Run with -max_len=4096: every input is a full build.

#include "reckon/error.hpp"
#include "reckon/gazetteer.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace fs = std::filesystem;

namespace {

std::string g_dir;

void remove_scratch() {
    std::error_code ec;
    if (!g_dir.empty()) fs::remove_all(g_dir, ec);
}

void write_file(const std::string& path, const std::uint8_t* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) {
        std::fprintf(stderr, "fuzz_curated_csv: cannot write %s\n", path.c_str());
        std::abort();
    }
}

// The 2nd comma-separated field of the 2nd line (name in the usual column
// order), quotes and all: only a search term.
std::string first_name(std::string_view s) {
    const auto nl = s.find('\n');
    if (nl == std::string_view::npos) return "x";
    s = s.substr(nl + 1);
    s = s.substr(0, s.find('\n'));
    const auto comma = s.find(',');
    if (comma == std::string_view::npos) return std::string(s.substr(0, 64));
    s = s.substr(comma + 1);
    return std::string(s.substr(0, s.find(',')).substr(0, 64));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::string tmpl = (fs::temp_directory_path() / "reckon-fuzz-curated-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
        std::perror("fuzz_curated_csv: mkdtemp");
        std::abort();
    }
    g_dir = tmpl;
    std::atexit(remove_scratch);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string in = g_dir + "/curated.csv";
    const std::string out = g_dir + "/gazetteer.sqlite";
    write_file(in, data, size);
    reckon::BuildOptions opt;
    opt.curated = {in};
    opt.on_bad_row = reckon::OnBadRow::skip;
    try {
        const reckon::BuildReport report = reckon::build_gazetteer(out, opt);
        if (report.sources.size() != 1 || report.sources[0].warnings.size() > opt.max_warnings) {
            std::fprintf(stderr, "fuzz_curated_csv: inconsistent build report\n");
            std::abort();
        }
        const reckon::Gazetteer gaz(out);
        const reckon::GazetteerInfo info = gaz.info();
        if (info.places != report.places) {
            std::fprintf(stderr, "fuzz_curated_csv: report says %zu places, the file has %zu\n", report.places,
                         info.places);
            std::abort();
        }
        const std::string name = first_name(std::string_view(reinterpret_cast<const char*>(data), size));
        const reckon::SearchResult r = gaz.search(name);
        for (const auto& c : r.candidates) (void)gaz.names(c.place.id);
    } catch (const reckon::Error&) {
        // a typed, reported failure: fine
    }
    std::error_code ec;
    fs::remove(out, ec);
    return 0;
}
