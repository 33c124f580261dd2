#pragma once
// Shared driver of the import fuzzers: write the input to a scratch file,
// build a gazetteer from it (OnBadRow::skip), check the build report against
// the file, open it and search for a name taken from the input. reckon::Error
// is an acceptable outcome; a crash, a sanitizer report, another exception or
// an inconsistent report is a finding. Scratch files live in a directory under
// $TMPDIR, removed at exit.

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

namespace reckon::fuzz {

namespace fs = std::filesystem;

inline std::string& scratch_dir() {
    static std::string dir;
    return dir;
}

inline void remove_scratch() {
    std::error_code ec;
    if (!scratch_dir().empty()) fs::remove_all(scratch_dir(), ec);
}

/// Create the scratch directory; call from LLVMFuzzerInitialize.
inline void init_scratch(const char* fuzzer) {
    std::string tmpl = (fs::temp_directory_path() / (std::string("reckon-") + fuzzer + "-XXXXXX")).string();
    if (!mkdtemp(tmpl.data())) {
        std::perror(fuzzer);
        std::abort();
    }
    scratch_dir() = tmpl;
    std::atexit(remove_scratch);
}

enum class InputKind { geonames, curated };

/// Build a gazetteer from @p data as an input of @p kind and search it for @p name.
inline void build_and_search(const char* fuzzer, InputKind kind, const std::uint8_t* data, std::size_t size,
                             const std::string& name) {
    const std::string in = scratch_dir() + (kind == InputKind::geonames ? "/XX.txt" : "/curated.csv");
    const std::string out = scratch_dir() + "/gazetteer.sqlite";
    {
        std::ofstream f(in, std::ios::binary | std::ios::trunc);
        f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        if (!f) {
            std::fprintf(stderr, "%s: cannot write %s\n", fuzzer, in.c_str());
            std::abort();
        }
    }
    BuildOptions opt;
    (kind == InputKind::geonames ? opt.geonames : opt.curated) = {in};
    opt.on_bad_row = OnBadRow::skip;
    try {
        const BuildReport report = build_gazetteer(out, opt);
        if (report.sources.size() != 1 || report.sources[0].warnings.size() > opt.max_warnings) {
            std::fprintf(stderr, "%s: inconsistent build report\n", fuzzer);
            std::abort();
        }
        const Gazetteer gaz(out);
        const GazetteerInfo info = gaz.info();
        if (info.places != report.places) {
            std::fprintf(stderr, "%s: report says %zu places, the file has %zu\n", fuzzer, report.places, info.places);
            std::abort();
        }
        const SearchResult r = gaz.search(name);
        for (const auto& c : r.candidates) (void)gaz.names(c.place.id);
    } catch (const Error&) {
        // a typed, reported failure: fine
    }
    std::error_code ec;
    fs::remove(out, ec);
}

} // namespace reckon::fuzz
