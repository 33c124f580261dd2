// libFuzzer target: reckon::parse_phrase on arbitrary bytes.
// Seed corpus: fuzz/corpus/fuzz_phrase/. Besides crashes and sanitizer reports,
// it traps when a parse breaks an invariant the resolver relies on.

#include "reckon/phrase.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void require(bool ok) {
    if (!ok) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const reckon::ParsedPhrase parsed = reckon::parse_phrase(text);
    if (size > reckon::max_phrase_bytes) require(parsed.constraints.empty() && !parsed.messages.empty());
    if (parsed.target) require(!parsed.target->name.empty());
    for (const auto& c : parsed.constraints) {
        require(!c.anchors.empty());
        for (const auto& a : c.anchors) {
            require(!a.name.empty());
            require(a.full_name.empty() || a.full_name.size() > a.name.size());  // the name plus its generic word
        }
        if (c.direction) {
            require(c.direction->azimuth_deg >= 0.0 && c.direction->azimuth_deg < 360.0);
            require(c.direction->points == 4 || c.direction->points == 8 || c.direction->points == 16);
        }
        if (c.distance && c.distance->is_range) require(!(c.distance->min_m > c.distance->max_m));
        require(c.text.size() <= 3 * size);  // spans come from the input (an invalid byte becomes U+FFFD)
    }
    return 0;
}
