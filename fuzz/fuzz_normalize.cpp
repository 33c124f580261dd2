// Fuzz the name normalisation: arbitrary bytes through match_keys, fold,
// sanitize_utf8 and the string similarities (the input split in two halves).
//
// Besides "no crash, no sanitizer report" it checks contracts, as chosen by
// RECKON_FUZZ_CHECKS:
//   crash      only crashes and sanitizer reports
//   contracts  (default) also: sanitize_utf8 gives valid UTF-8 and leaves valid
//              input alone; the keys are valid UTF-8 (they are stored as SQLite
//              TEXT) and the fold key has no stray spaces; similarities lie in
//              [0, 1]; the edit distance is symmetric, 0 on equal strings and
//              at most the longer length
//   strict     also fold idempotence, fold(fold(x)) == fold(x), which the keys
//              do not promise outright but matching folded text relies on

#include "text/normalize.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace reckon::text;

namespace {

// Cap for the quadratic algorithms (levenshtein is O(n*m) time and memory).
constexpr std::size_t max_edit_input = 256;
// single_deletions is cubic (deduplication by linear search).
constexpr std::size_t max_deletions_input = 64;

enum class Checks { crash, contracts, strict };

Checks checks() {
    static const Checks c = [] {
        const char* e = std::getenv("RECKON_FUZZ_CHECKS");
        const std::string v = e ? e : "";
        if (v == "crash") return Checks::crash;
        if (v == "strict") return Checks::strict;
        if (!v.empty() && v != "contracts") {
            std::fprintf(stderr, "fuzz_normalize: RECKON_FUZZ_CHECKS=%s: crash, contracts or strict expected\n", e);
            std::exit(2);
        }
        return Checks::contracts;
    }();
    return c;
}

void fail(const char* what, std::string_view input) {
    if (checks() == Checks::crash) return;
    std::fprintf(stderr, "fuzz_normalize: %s (input %zu bytes)\n", what, input.size());
    std::abort();
}

void check_key(const std::string& key, const char* what, std::string_view input) {
    if (!valid_utf8(key)) fail(what, input);
    if (!key.empty() && (key.front() == ' ' || key.back() == ' ')) fail(what, input);
    if (key.find("  ") != std::string::npos) fail(what, input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s(reinterpret_cast<const char*>(data), size);

    const bool valid = valid_utf8(s);
    const std::string clean = sanitize_utf8(s);
    if (!valid_utf8(clean)) fail("sanitize_utf8 produced invalid UTF-8", s);
    if (valid && clean != s) fail("sanitize_utf8 changed valid UTF-8", s);
    (void)length_cp(s);

    const std::string f = fold(s);
    check_key(f, "fold key: invalid UTF-8 or stray spaces", s);
    if (checks() == Checks::strict && fold(f) != f) fail("fold is not idempotent", s);

    const MatchKeys k = match_keys(s);
    if (k.fold != f) fail("match_keys().fold differs from fold()", s);
    if (!valid_utf8(k.translit)) fail("translit key is invalid UTF-8", s);
    if (!valid_utf8(k.skel)) fail("skeleton key is invalid UTF-8", s);
    (void)to_string(k.hint);
    if (k.fold.empty() && (!k.translit.empty() || !k.skel.empty())) fail("keys from an empty fold key", s);

    // Keys of the keys: exercises the Arabic/Latin paths on normalised text.
    const MatchKeys kk = match_keys(clean);
    (void)kk;

    const std::string_view a = s.substr(0, size / 2);
    const std::string_view b = s.substr(size / 2);
    const double jw = jaro_winkler(a, b);
    if (!(jw >= 0.0 && jw <= 1.0 + 1e-9)) fail("jaro_winkler outside [0, 1]", s);
    if (jaro_winkler(a, a) < 1.0 - 1e-9 && length_cp(a) > 0 && valid_utf8(a)) fail("jaro_winkler(a, a) != 1", s);

    if (size <= max_edit_input) {
        const std::size_t d = levenshtein(a, b);
        if (d != levenshtein(b, a)) fail("levenshtein is not symmetric", s);
        if (levenshtein(a, a) != 0) fail("levenshtein(a, a) != 0", s);
        if (valid_utf8(a) && valid_utf8(b) && d > std::max(length_cp(a), length_cp(b))) {
            fail("levenshtein exceeds the longer length", s);
        }
        const double es = edit_similarity(a, b);
        if (!(es >= 0.0 && es <= 1.0)) fail("edit_similarity outside [0, 1]", s);
        // the keys, as search compares them
        (void)edit_similarity(k.translit, kk.translit);
    }
    if (k.skel.size() <= max_deletions_input) {
        for (const auto& d : single_deletions(k.skel)) {
            if (!valid_utf8(d)) fail("single_deletions produced invalid UTF-8", s);
        }
    }
    return 0;
}
