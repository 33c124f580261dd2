#pragma once
/// @file words.hpp
/// The word tokenizer of report ingest (internal to src/report): a sentence
/// or title as words, numbers and punctuation with byte spans and ASCII
/// lower-case keys. Dates, event keywords, actors and casualty figures are
/// all matched on these tokens, never with regular expressions (std::regex
/// backtracks and recurses; report text is untrusted and can be huge).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::report::detail {

enum class TokKind : std::uint8_t { word, number, punct };

struct Tok {
    std::size_t begin = 0;   ///< byte span in the tokenized text
    std::size_t end = 0;
    TokKind kind = TokKind::word;
    bool capitalised = false;  ///< starts with an ASCII capital letter
    bool possessive = false;   ///< "ISIS’s": the key has the 's removed
    /// Lower-case ASCII; ’ ‘ ʼ become '; punctuation tokens keep their bytes
    /// ("–", "“"). Numbers keep their digits ("3,196").
    std::string key;
    double value = 0.0;      ///< numbers: the value ("3,196" → 3196)
};

using Toks = std::vector<Tok>;

/// Tokenize @p s. Linear; never throws except std::bad_alloc.
Toks tokenize(std::string_view s);

/// True for a word token equal to @p key.
inline bool is_word(const Toks& t, std::size_t i, std::string_view key) noexcept {
    return i < t.size() && t[i].kind == TokKind::word && t[i].key == key;
}
inline bool is_punct(const Toks& t, std::size_t i, std::string_view key) noexcept {
    return i < t.size() && t[i].kind == TokKind::punct && t[i].key == key;
}
/// Hyphens and dashes: "-", "–", "—", "‒", "―".
bool is_dash(const Toks& t, std::size_t i) noexcept;

/// A count written in digits or words at token @p i: "3", "3,196", "five",
/// "twenty-five", "a dozen", "one hundred". Sets @p end past it.
std::optional<long> count_at(const Toks& t, std::size_t i, std::size_t& end);

/// Word-sequence patterns: "took over", "suicide bomb*" (a trailing * matches
/// any word with that prefix), "took ~ prisoner" (~ matches up to
/// max_gap_words words).
struct Pattern {
    std::vector<std::string> words;
};
inline constexpr std::size_t max_gap_words = 8;

/// Does @p p match at token @p i? Sets @p end past the match.
bool match_at(const Toks& t, std::size_t i, const Pattern& p, std::size_t& end);

/// Patterns indexed by their first word, for one pass over the tokens.
class PatternSet {
public:
    PatternSet() = default;
    explicit PatternSet(std::initializer_list<const char*> patterns);
    void add(std::string_view pattern, int tag = 0);
    /// Longest pattern matching at @p i (its tag and end), or nullopt.
    std::optional<std::pair<int, std::size_t>> match(const Toks& t, std::size_t i) const;
    /// Does any pattern match anywhere in [begin, end)?
    bool any(const Toks& t, std::size_t begin = 0, std::size_t end = SIZE_MAX) const;

private:
    struct Entry {
        Pattern pattern;
        int tag = 0;
    };
    std::vector<std::pair<std::string, std::vector<Entry>>> m_exact;  // sorted by first word
    std::vector<Entry> m_prefix;                                       // first word ends in *
    const std::vector<Entry>* find(std::string_view first) const;
};

/// @p s with ASCII capitals in lower case (other bytes unchanged).
std::string lower_ascii(std::string_view s);

/// Collapse runs of whitespace (ASCII, NBSP and the Unicode spaces U+2000..U+200A,
/// U+202F, U+205F, U+3000) to one space and trim.
std::string normalize_space(std::string_view s);

/// Length of the UTF-8 whitespace character at @p i (0 if none).
std::size_t space_at(std::string_view s, std::size_t i) noexcept;

} // namespace reckon::report::detail
