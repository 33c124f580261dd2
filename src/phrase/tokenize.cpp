#include "phrase/lexicon.hpp"
#include "phrase/token.hpp"

#include <cmath>

namespace reckon::phrase {

namespace {

// ---------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------

struct CodePoint {
    char32_t cp = 0;
    unsigned len = 1;
    bool valid = false;
};

constexpr char32_t replacement_char = 0xFFFD;

/// Decode one UTF-8 sequence at @p i; invalid bytes decode one at a time as invalid.
CodePoint decode(std::string_view s, std::size_t i) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return {b0, 1, true};
    unsigned len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0U) == 0xC0U) {
        len = 2;
        cp = b0 & 0x1FU;
    } else if ((b0 & 0xF0U) == 0xE0U) {
        len = 3;
        cp = b0 & 0x0FU;
    } else if ((b0 & 0xF8U) == 0xF0U) {
        len = 4;
        cp = b0 & 0x07U;
    } else {
        return {replacement_char, 1, false};
    }
    if (i + len > s.size()) return {replacement_char, 1, false};
    for (unsigned k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0U) != 0x80U) return {replacement_char, 1, false};
        cp = (cp << 6U) | (b & 0x3FU);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {replacement_char, 1, false};
    return {cp, len, true};
}

enum class CharClass : std::uint8_t {
    space, newline, letter, digit, apostrophe, modifier_letter, hyphen, dash, comma, period,
    open_paren, close_paren, slash, semicolon, colon, ampersand, quote, other, invalid
};

bool is_arabic_letter(char32_t c) noexcept {
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
           (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE);
}

int digit_value(char32_t c) noexcept {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);  // Arabic-Indic
    if (c >= 0x06F0 && c <= 0x06F9) return static_cast<int>(c - 0x06F0);  // Extended Arabic-Indic (Persian)
    return -1;
}

CharClass classify(const CodePoint& c) noexcept {
    if (!c.valid) return CharClass::invalid;
    const char32_t cp = c.cp;
    if (cp < 0x80) {
        if (cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f') return CharClass::newline;
        if (cp == ' ' || cp == '\t') return CharClass::space;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::letter;
        if (cp >= '0' && cp <= '9') return CharClass::digit;
        switch (cp) {
        case '\'': case '`': return CharClass::apostrophe;
        case '-': return CharClass::hyphen;
        case ',': return CharClass::comma;
        case '.': return CharClass::period;
        case '(': case '[': case '{': return CharClass::open_paren;
        case ')': case ']': case '}': return CharClass::close_paren;
        case '/': return CharClass::slash;
        case ';': return CharClass::semicolon;
        case ':': return CharClass::colon;
        case '&': return CharClass::ampersand;
        case '"': return CharClass::quote;
        default: return cp < 0x20 || cp == 0x7F ? CharClass::space : CharClass::other;
        }
    }
    if (digit_value(cp) >= 0) return CharClass::digit;
    switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0x200B: case 0x200E:
    case 0x200F: case 0xFEFF: return CharClass::space;
    case 0x0085: case 0x2028: case 0x2029: return CharClass::newline;
    case 0x2018: case 0x2019: case 0x201B: case 0x00B4: case 0x2032: case 0xFF07: return CharClass::apostrophe;
    case 0x02BC: case 0x02BB: case 0x02BE: case 0x02BF: case 0x02B9: return CharClass::modifier_letter;
    case 0x2010: case 0x2011: return CharClass::hyphen;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return CharClass::dash;
    case 0x060C: case 0xFF0C: return CharClass::comma;
    case 0x06D4: case 0xFF0E: return CharClass::period;
    case 0x061B: return CharClass::semicolon;
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
        return CharClass::quote;
    case 0x200C: case 0x200D: return CharClass::letter;  // joiners inside Persian/Arabic words
    default: break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) return CharClass::space;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return CharClass::other;  // Latin-1 symbols
    if (cp >= 0x2000 && cp <= 0x2BFF) return CharClass::other;            // punctuation, symbols, arrows
    if (cp >= 0x3000 && cp <= 0x303F) return CharClass::other;
    if (cp >= 0xE000 && cp <= 0xF8FF) return CharClass::other;            // private use
    if (cp >= 0x1F000) return CharClass::other;                           // emoji and the like
    if (cp == 0x060D || cp == 0x061F || (cp >= 0x066A && cp <= 0x066D)) return CharClass::other;
    return CharClass::letter;
}

/// Rough upper-case test for the scripts reports use (Latin with diacritics,
/// Greek, Cyrillic); enough to tell "Ḩalab" from "al-".
bool is_upper(char32_t c) noexcept {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F) return c % 2 == 0 && c != 0x138;
    if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 0;
    if (c >= 0x391 && c <= 0x3A9) return true;
    if (c >= 0x400 && c <= 0x42F) return true;
    return false;
}

bool is_lower_letter(char32_t c) noexcept {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
    if (c >= 0x100 && c <= 0x17F) return c % 2 == 1;
    if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 1;
    return false;
}

bool is_ascii_alnum(unsigned char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_ascii_alpha(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

/// Append the lookup key of @p text to @p keys; never longer than @p text.
std::string_view append_key(std::string& keys, std::string_view text) {
    const std::size_t start = keys.size();
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (is_ascii_alnum(b) || b == '-' || b == '.') {
            keys += static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
            ++i;
            continue;
        }
        const CodePoint c = decode(text, i);
        i += c.len;
        if (!c.valid) continue;
        const CharClass cls = classify(c);
        if (cls == CharClass::apostrophe || cls == CharClass::modifier_letter) {
            keys += '\'';
        } else if (cls == CharClass::hyphen) {
            keys += '-';
        } else if (c.cp < 0x80) {
            keys += static_cast<char>(c.cp >= 'A' && c.cp <= 'Z' ? c.cp + ('a' - 'A') : c.cp);
        } else if (c.cp == 0x0622 || c.cp == 0x0623 || c.cp == 0x0625 || c.cp == 0x0671) {
            append_utf8(keys, 0x0627);  // alef forms → bare alef (same byte length)
        } else if (c.cp == 0x0640) {
            // tatweel: drop
        } else {
            append_utf8(keys, c.cp);
        }
    }
    return std::string_view(keys.data() + start, keys.size() - start);
}

TokenKind punct_kind(CharClass cls) noexcept {
    switch (cls) {
    case CharClass::comma: return TokenKind::comma;
    case CharClass::period: return TokenKind::period;
    case CharClass::open_paren: return TokenKind::open_paren;
    case CharClass::close_paren: return TokenKind::close_paren;
    case CharClass::slash: return TokenKind::slash;
    case CharClass::semicolon: return TokenKind::semicolon;
    case CharClass::colon: return TokenKind::colon;
    case CharClass::ampersand: return TokenKind::ampersand;
    case CharClass::quote:
    case CharClass::apostrophe: return TokenKind::quote;
    case CharClass::hyphen:
    case CharClass::dash: return TokenKind::dash;
    default: return TokenKind::other;
    }
}

// Digits of a number beyond this are not read (the value would be absurd anyway).
constexpr int max_decimals = 20;

class Scanner {
public:
    Scanner(std::string_view s, std::string& keys, std::vector<Token>& out) : m_s(s), m_keys(keys), m_out(out) {}

    void run() {
        while (m_i < m_s.size()) {
            const auto b = static_cast<unsigned char>(m_s[m_i]);
            if (b == ' ') {
                m_space = true;
                ++m_i;
                continue;
            }
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
                scan_word(m_i);
                continue;
            }
            const CodePoint c = decode(m_s, m_i);
            const CharClass cls = classify(c);
            switch (cls) {
            case CharClass::space:
            case CharClass::invalid:
                m_space = true;
                m_i += c.len;
                break;
            case CharClass::newline:
                m_space = m_newline = true;
                m_i += c.len;
                break;
            case CharClass::letter:
                scan_word(m_i);
                break;
            case CharClass::modifier_letter:  // ʿAin: a word may start with an ayn sign
                if (next_is_letter(m_i + c.len)) {
                    scan_word(m_i);
                } else {
                    emit_punct(TokenKind::quote, m_i, m_i + c.len);
                }
                break;
            case CharClass::digit:
                scan_number(m_i, m_i, false);
                break;
            case CharClass::hyphen:
            case CharClass::dash:
                if (minus_sign_here(c)) {
                    scan_number(m_i, m_i + c.len, true);
                } else {
                    emit_punct(TokenKind::dash, m_i, m_i + c.len);
                }
                break;
            default:
                emit_punct(punct_kind(cls), m_i, m_i + c.len);
                break;
            }
        }
    }

private:
    CharClass class_at(std::size_t i) const noexcept {
        return i < m_s.size() ? classify(decode(m_s, i)) : CharClass::space;
    }

    bool next_is_letter(std::size_t i) const noexcept { return class_at(i) == CharClass::letter; }

    // "-5 km": a hyphen or minus right before a digit, after a space, the start or "(".
    bool minus_sign_here(const CodePoint& c) const noexcept {
        if (c.cp != '-' && c.cp != 0x2212) return false;
        if (class_at(m_i + c.len) != CharClass::digit) return false;
        if (m_i == 0 || m_space) return true;
        return !m_out.empty() && m_out.back().kind == TokenKind::open_paren && m_out.back().end == m_i;
    }

    Token& start_token(TokenKind kind, std::size_t begin, std::size_t end) {
        Token& t = m_out.emplace_back();
        t.kind = kind;
        t.begin = begin;
        t.end = end;
        t.text = m_s.substr(begin, end - begin);
        if (m_space || begin == 0) t.flags |= token_flag::space_before;
        if (m_newline) t.flags |= token_flag::newline_before;
        m_space = m_newline = false;
        return t;
    }

    void emit_punct(TokenKind kind, std::size_t begin, std::size_t end) {
        start_token(kind, begin, end);
        m_i = end;
    }

    void scan_word(std::size_t begin) {
        std::size_t j = begin;
        std::size_t letters = 0;
        bool first_letter_seen = false;
        bool capitalised = false;
        bool any_lower = false;
        std::size_t upper = 0;
        bool arabic = false;
        bool hyphenated = false;
        bool possessive = false;
        std::size_t skip_to = 0;  // past a possessive 's
        while (j < m_s.size()) {
            const auto b = static_cast<unsigned char>(m_s[j]);
            if (is_ascii_alnum(b)) {  // fast path: most of a Latin phrase
                if (b >= 'A') {
                    ++letters;
                    const bool up = b <= 'Z';
                    if (!first_letter_seen) {
                        first_letter_seen = true;
                        capitalised = up;
                    }
                    if (up) {
                        ++upper;
                    } else {
                        any_lower = true;
                    }
                }
                ++j;
                continue;
            }
            const CodePoint c = decode(m_s, j);
            const CharClass cls = classify(c);
            if (cls == CharClass::letter || cls == CharClass::digit || cls == CharClass::modifier_letter) {
                if (cls == CharClass::letter) {
                    ++letters;
                    if (!first_letter_seen) {
                        first_letter_seen = true;
                        capitalised = is_upper(c.cp);
                        arabic = is_arabic_letter(c.cp);
                    }
                    if (is_upper(c.cp)) ++upper;
                    if (is_lower_letter(c.cp)) any_lower = true;
                }
                j += c.len;
                continue;
            }
            if (cls == CharClass::apostrophe && j > begin) {
                const std::size_t after = j + c.len;
                // possessive 's: "Aleppo's" (not "Ra's": stems shorter than 3 letters keep it)
                if (after < m_s.size() && (m_s[after] == 's' || m_s[after] == 'S') &&
                    class_at(after + 1) != CharClass::letter && class_at(after + 1) != CharClass::digit &&
                    letters >= 3 && (c.cp == '\'' || c.cp == 0x2019)) {
                    possessive = true;
                    skip_to = after + 1;
                    break;
                }
                if (next_is_letter(after)) {
                    j = after;
                    continue;
                }
                break;
            }
            if (cls == CharClass::hyphen && j > begin) {
                const std::size_t after = j + c.len;
                const CharClass next = class_at(after);
                if (next == CharClass::letter || next == CharClass::modifier_letter ||
                    (next == CharClass::digit && letters > 0)) {
                    hyphenated = true;
                    j = after;
                    continue;
                }
            }
            break;
        }
        // "N.E.", "U.S.": single letters each followed by a period
        bool dotted = false;
        if (j == begin + 1 && is_ascii_alpha(m_s[begin]) && j + 2 < m_s.size() && m_s[j] == '.' &&
            is_ascii_alpha(m_s[j + 1]) && m_s[j + 2] == '.') {
            dotted = true;
            j += 1;
            while (j + 1 < m_s.size() && is_ascii_alpha(m_s[j]) && m_s[j + 1] == '.') {
                if (m_s[j] >= 'A' && m_s[j] <= 'Z') ++upper;
                ++letters;
                j += 2;
            }
            any_lower = upper < letters;
        }
        Token& t = start_token(TokenKind::word, begin, j);
        t.key = append_key(m_keys, t.text);
        if (capitalised) t.flags |= token_flag::capitalised;
        if (letters >= 2 && !any_lower && upper >= 2) t.flags |= token_flag::all_caps;
        if (arabic) t.flags |= token_flag::arabic;
        if (hyphenated) t.flags |= token_flag::hyphenated;
        if (possessive) t.flags |= token_flag::possessive;
        if (dotted) t.flags |= token_flag::dotted;
        t.info = lookup(t.key);
        m_i = possessive ? skip_to : j;
    }

    void scan_number(std::size_t begin, std::size_t digits_begin, bool negative) {
        std::size_t j = digits_begin;
        double value = 0.0;
        bool grouped = false;
        // integer part, with thousands grouping "3,196" / "1,500,000" / Arabic ٬
        while (j < m_s.size()) {
            const CodePoint c = decode(m_s, j);
            const int d = c.valid ? digit_value(c.cp) : -1;
            if (d >= 0) {
                value = value * 10.0 + d;
                j += c.len;
                continue;
            }
            if ((c.cp == ',' || c.cp == 0x066C) && group_of_three_follows(j + c.len)) {
                grouped = true;
                j += c.len;
                continue;
            }
            break;
        }
        // decimal part: "1.5", Arabic "١٫٥", and "1,5" (one or two digits after a comma)
        int decimals = 0;
        if (j < m_s.size()) {
            const CodePoint c = decode(m_s, j);
            const bool point = c.cp == '.' || c.cp == 0x066B;
            const bool decimal_comma = c.cp == ',' && !grouped && short_fraction_follows(j + 1);
            if ((point || decimal_comma) && c.valid && class_at(j + c.len) == CharClass::digit) {
                j += c.len;
                double scale = 0.1;
                while (j < m_s.size()) {
                    const CodePoint f = decode(m_s, j);
                    const int d = f.valid ? digit_value(f.cp) : -1;
                    if (d < 0) break;
                    if (decimals < max_decimals) {
                        value += d * scale;
                        scale /= 10.0;
                        ++decimals;
                    }
                    j += f.len;
                }
            }
        }
        Token& t = start_token(TokenKind::number, begin, j);
        t.value = negative ? -value : value;
        t.decimals = static_cast<std::uint8_t>(decimals);
        if (negative) t.flags |= token_flag::negative;
        m_i = j;
    }

    bool group_of_three_follows(std::size_t i) const noexcept {
        for (int k = 0; k < 3; ++k) {
            if (i >= m_s.size()) return false;
            const CodePoint c = decode(m_s, i);
            if (!c.valid || digit_value(c.cp) < 0) return false;
            i += c.len;
        }
        return class_at(i) != CharClass::digit;
    }

    bool short_fraction_follows(std::size_t i) const noexcept {
        int n = 0;
        while (i < m_s.size() && n < 3) {
            const CodePoint c = decode(m_s, i);
            if (!c.valid || digit_value(c.cp) < 0) break;
            i += c.len;
            ++n;
        }
        return n >= 1 && n <= 2;
    }

    std::string_view m_s;
    std::string& m_keys;
    std::vector<Token>& m_out;
    std::size_t m_i = 0;
    bool m_space = true;
    bool m_newline = false;
};

} // namespace

TokenList::TokenList(std::string_view input) : m_input(input) {
    m_keys.reserve(input.size());
    // A rough guess (one token per 5 bytes) avoids most regrowth.
    m_tokens.reserve(input.size() / 5 + 4);
    Scanner(input, m_keys, m_tokens).run();
    m_end.begin = m_end.end = input.size();
}

} // namespace reckon::phrase
