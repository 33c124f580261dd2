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

#include "build_fuzz.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

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
    reckon::fuzz::init_scratch("fuzz_curated_csv");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    reckon::fuzz::build_and_search("fuzz_curated_csv", reckon::fuzz::InputKind::curated, data, size,
                                   first_name(std::string_view(reinterpret_cast<const char*>(data), size)));
    return 0;
}
