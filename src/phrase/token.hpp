#pragma once
/// @file token.hpp
/// Tokenizer of location phrases: words, numbers and punctuation, each with
/// its byte span in the input and a lookup key. No allocation per token: the
/// keys of all tokens share one buffer reserved to the input's size.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::phrase {

struct WordInfo;

enum class TokenKind : std::uint8_t {
    word,         ///< letters (any script), with inner hyphens and apostrophes ("Al-Mayadeen", "Ra's")
    number,       ///< digits, ASCII or Arabic-Indic, with grouping and a decimal part ("3,196", "1.5")
    comma,        ///< , and the Arabic comma
    period,       ///< . and the Arabic full stop
    open_paren,   ///< ( [ {
    close_paren,  ///< ) ] }
    dash,         ///< a free-standing hyphen, en dash, em dash or minus sign
    slash,        ///< /
    semicolon,    ///< ; and the Arabic semicolon
    colon,        ///< :
    ampersand,    ///< &
    quote,        ///< a free-standing apostrophe or quotation mark
    other,        ///< any other symbol (bullets, %, ...)
    end           ///< past the last token
};

/// Token flag bits (Token::flags).
namespace token_flag {
inline constexpr std::uint16_t capitalised = 1U << 0;    ///< first letter is upper case ("Kirkuk", "NE")
inline constexpr std::uint16_t all_caps = 1U << 1;       ///< two or more letters, all upper case ("SDF", "NNE")
inline constexpr std::uint16_t arabic = 1U << 2;         ///< Arabic script
inline constexpr std::uint16_t space_before = 1U << 3;   ///< white space (or the start) precedes it
inline constexpr std::uint16_t newline_before = 1U << 4; ///< a line break precedes it
inline constexpr std::uint16_t possessive = 1U << 5;     ///< written with 's ("Aleppo's"); text and key exclude it
inline constexpr std::uint16_t hyphenated = 1U << 6;     ///< contains an inner hyphen ("north-east")
inline constexpr std::uint16_t negative = 1U << 7;       ///< number written with a minus sign ("-5")
inline constexpr std::uint16_t dotted = 1U << 8;         ///< abbreviation with dots ("N.E.")
} // namespace token_flag

struct Token {
    TokenKind kind = TokenKind::end;
    std::uint16_t flags = 0;
    std::uint8_t decimals = 0;      ///< numbers: digits after the decimal separator
    std::size_t begin = 0;          ///< byte offset of the first byte in the input
    std::size_t end = 0;            ///< byte offset one past the last byte
    std::string_view text;          ///< as written (a view into the input)
    std::string_view key;           ///< lookup key: ASCII lower case, hyphens and apostrophes unified, Arabic alef forms unified
    double value = 0.0;             ///< numbers: the value (may be inf for absurdly long digit strings)
    const WordInfo* info = nullptr; ///< words: the lexicon entry, if any

    bool has(std::uint16_t flag) const noexcept { return (flags & flag) != 0; }
    bool is_word() const noexcept { return kind == TokenKind::word; }
};

/// The tokens of one input. Holds views into the input, which must outlive it.
class TokenList {
public:
    explicit TokenList(std::string_view input);
    TokenList(const TokenList&) = delete;
    TokenList& operator=(const TokenList&) = delete;

    /// Token @p i, or an end token for any index past the last.
    const Token& operator[](std::size_t i) const noexcept {
        return i < m_tokens.size() ? m_tokens[i] : m_end;
    }
    std::size_t size() const noexcept { return m_tokens.size(); }
    std::string_view input() const noexcept { return m_input; }

private:
    std::string_view m_input;
    std::string m_keys;  // reserved to input.size() up front: the key views never dangle
    std::vector<Token> m_tokens;
    Token m_end;
};

} // namespace reckon::phrase
