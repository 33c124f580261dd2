// Fuzz the GeoNames import: the input is written to a file and built into a
// gazetteer as a GeoNames dump (OnBadRow::skip). Malformed rows must be
// skipped with a warning; reckon::Error is an acceptable outcome, anything
// else (a crash, a sanitizer report, another exception) is a finding. When the
// build succeeds the gazetteer is opened and searched for the first name.
//
// Scratch files live in a directory under $TMPDIR, removed at exit.
// Run with -max_len=4096: every input is a full build.

#include "build_fuzz.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

// The name column (2nd tab-separated field) of the first line, if any.
std::string first_name(std::string_view s) {
    s = s.substr(0, s.find('\n'));
    const auto tab = s.find('\t');
    if (tab == std::string_view::npos) return std::string(s.substr(0, 64));
    s = s.substr(tab + 1);
    return std::string(s.substr(0, s.find('\t')).substr(0, 64));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    reckon::fuzz::init_scratch("fuzz_geonames");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    reckon::fuzz::build_and_search("fuzz_geonames", reckon::fuzz::InputKind::geonames, data, size,
                                   first_name(std::string_view(reinterpret_cast<const char*>(data), size)));
    return 0;
}
