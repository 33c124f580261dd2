#pragma once
/// @file scan.hpp
/// Byte-level scanning of report text (internal to src/report): brackets,
/// sentences and source citations. All linear in the input.

#include "reckon/phrase.hpp"
#include "report/dates.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::report::detail {

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t size() const noexcept { return end - begin; }
};

/// A bracketed aside longer than this is not treated as one: an unclosed or
/// runaway bracket must not swallow the rest of a paragraph. Real asides and
/// citations in the reports are under 300 bytes.
inline constexpr std::size_t max_aside_bytes = 1000;

/// Longest sentence: one sentence can always be handed to the phrase parser
/// whole. Longer runs of text without a sentence end are cut at a space.
inline constexpr std::size_t max_sentence_bytes = max_phrase_bytes;

/// Matched "(...)" and "[...]" pairs, outermost only, in order; each span
/// includes its brackets.
std::vector<Span> top_level_brackets(std::string_view s);

/// Sentence spans of @p s (trimmed, in order, not overlapping, each at most
/// max_sentence_bytes). A sentence ends at . ! ? … (and closing quotes or
/// brackets after it) followed by a space and a capital, digit, quote or
/// non-ASCII letter; not after an initial ("U.S.") or an abbreviation
/// ("Gen.", "Feb."); never inside brackets.
std::vector<Span> split_sentences(std::string_view s);

/// A parenthetical that ends in a date: "(Telegram, February 16, 2020)";
/// source is "" for a date alone ("(February 16, 2020)").
struct Citation {
    Span span;            ///< including the parentheses
    std::string source;   ///< "Telegram", "Reuters; Sputnik"
    DateMention date;
};

/// The citations among the top-level brackets @p brackets of @p s.
std::vector<Citation> find_citations(std::string_view s, const std::vector<Span>& brackets);

/// Trim ASCII and Unicode spaces from both ends of @p span in @p s.
Span trim(std::string_view s, Span span) noexcept;

} // namespace reckon::report::detail
