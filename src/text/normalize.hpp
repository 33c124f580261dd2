#pragma once
/// @file normalize.hpp
/// Name normalisation for matching place names across scripts and
/// transliteration schemes. The only user of ICU.
///
/// Every name gets three keys, each coarser than the one before and each a
/// function of the previous one (so equal fold keys imply equal translit keys
/// imply equal skeletons):
///  - fold:     NFKD, marks stripped, case-folded, Arabic letters normalised
///              (alef forms, ta marbuta, alef maqsura, tatweel), apostrophes and
///              ʿ ʾ ‘ ’ removed, other punctuation to single spaces.
///              "Ba‘qūbah" → "baqubah", "Deir ez-Zor" → "deir ez zor".
///  - translit: generic words ("village", "governorate") and articles
///              (al-, ash-, ez-Zor, Arraqqa) removed, common name words
///              unified (Deir/Dayr/Dair, Kfar/Kafr, Tell/Tal), Latin spelling
///              equivalences (ou/oo/o→u, ee→i, e→a, q→k, dh→z, doubled letters,
///              -ah/-eh endings), tokens joined: "dayrzur".
///  - skel:     consonant skeleton of translit (vowels, w, y dropped, digraphs
///              kh/sh/th/dh/gh to one letter): "drzr". Catches vowel spelling
///              differences; too coarse alone, so candidates found by it are
///              scored by edit similarity of their translit keys.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::text {

/// True if @p s is well-formed UTF-8.
bool valid_utf8(std::string_view s) noexcept;

/// Replace invalid UTF-8 sequences by U+FFFD.
std::string sanitize_utf8(std::string_view s);

/// The fold key (see file comment). Invalid UTF-8 bytes are dropped.
std::string fold(std::string_view s);

/// What a generic word in a name says about the kind of feature meant.
enum class FeatureHint { none, settlement, admin1, admin2, camp, region, neighbourhood, facility };

const char* to_string(FeatureHint h) noexcept;

enum class Script { latin, arabic, other };

/// The three matching keys of a name, and what its generic words hint at.
struct MatchKeys {
    std::string fold;
    std::string translit;
    std::string skel;
    Script script = Script::latin;
    FeatureHint hint = FeatureHint::none;
};

/// Compute all keys for @p name (any script).
MatchKeys match_keys(std::string_view name);

/// Jaro-Winkler similarity in [0, 1] of two UTF-8 strings (by code point).
double jaro_winkler(std::string_view a, std::string_view b);

/// Edit distance by code point: insertions, deletions, substitutions and
/// adjacent transpositions (optimal string alignment).
std::size_t levenshtein(std::string_view a, std::string_view b);

/// 1 - levenshtein / max(length): 1 for equal strings, 0 for nothing shared.
double edit_similarity(std::string_view a, std::string_view b);

/// All strings obtained by deleting exactly one code point of @p key (distinct).
std::vector<std::string> single_deletions(std::string_view key);

/// @p name spelled in ASCII for editors: diacritics removed, case kept,
/// ayn/hamza signs dropped at the start of a word and written ' inside one
/// ("‘Anjārah" → "Anjarah", "Ba‘qūbah" → "Ba'qubah"). Characters with no
/// Latin form (Arabic script) are dropped; "" when nothing is left.
std::string ascii_spelling(std::string_view name);

/// Length of @p s in code points.
std::size_t length_cp(std::string_view s) noexcept;

} // namespace reckon::text
