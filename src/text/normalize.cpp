#include "text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>

namespace reckon::text {

namespace {

// ---------------------------------------------------------------------------
// UTF-8 helpers
// ---------------------------------------------------------------------------

void append_utf8(std::string& out, UChar32 c) {
    char buf[4];
    int32_t i = 0;
    UBool err = false;
    U8_APPEND(buf, i, 4, c, err);
    if (!err) out.append(buf, static_cast<std::size_t>(i));
}

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c >= 0) out.push_back(static_cast<char32_t>(c));
    }
    return out;
}

bool is_ascii(std::string_view s) noexcept {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Characters that stand for ayn, hamza or an apostrophe in transliterations:
// they vanish rather than split a word ("Ba'qubah", "Ba‘qūbah", "Baʿqubah").
bool is_apostrophe_like(UChar32 c) noexcept {
    switch (c) {
    case 0x0027: case 0x0060: case 0x00B4: case 0x02B9: case 0x02BB: case 0x02BC:
    case 0x02BD: case 0x02BE: case 0x02BF: case 0x02C8: case 0x2018: case 0x2019:
    case 0x201B: case 0x2032: case 0x2035: case 0xFF07:
        return true;
    default:
        return false;
    }
}

// Arabic-script letter normalisation for search (the usual "Arabic search
// folding"): alef variants to bare alef (hamza/madda marks are already gone
// after NFKD + mark stripping), ta marbuta to ha, alef maqsura and Persian
// yeh to yeh, keheh to kaf, tatweel removed.
UChar32 normalise_arabic(UChar32 c) noexcept {
    switch (c) {
    case 0x0671: return 0x0627;  // alef wasla
    case 0x0672: case 0x0673: case 0x0675: return 0x0627;
    case 0x0629: return 0x0647;  // ta marbuta -> ha
    case 0x06C0: case 0x06C1: case 0x06D5: return 0x0647;
    case 0x0649: return 0x064A;  // alef maqsura -> yeh
    case 0x06CC: case 0x06D0: case 0x06D2: return 0x064A;
    case 0x06A9: case 0x06AA: return 0x0643;  // keheh -> kaf
    case 0x0640: return 0;       // tatweel
    default: return c;
    }
}

// Latin letters that NFKD leaves whole.
const char* latin_special(UChar32 c) noexcept {
    switch (c) {
    case 0x0131: return "i";   // dotless i (Turkish)
    case 0x0142: case 0x0141: return "l";
    case 0x00F8: case 0x00D8: return "o";
    case 0x0111: case 0x0110: case 0x00F0: case 0x00D0: return "d";
    case 0x00FE: case 0x00DE: return "th";
    case 0x00E6: case 0x00C6: return "ae";
    case 0x0153: case 0x0152: return "oe";
    case 0x0127: case 0x0126: return "h";
    case 0x00DF: case 0x1E9E: return "ss";
    default: return nullptr;
    }
}

const icu::Normalizer2* nfkd() {
    static const icu::Normalizer2* n = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* p = icu::Normalizer2::getNFKDInstance(status);
        return U_SUCCESS(status) ? p : nullptr;
    }();
    return n;
}

// Appends a space unless the output is empty or already ends with one.
void push_space(std::string& out) {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
}

std::string fold_ascii(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 'A' && c <= 'Z') {
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out.push_back(static_cast<char>(c));
        } else if (c == '\'' || c == '`') {
            // apostrophe: dropped inside a word
        } else {
            push_space(out);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// ---------------------------------------------------------------------------
// Word lists. Kept small and explicit: each entry is a word reports use.
// ---------------------------------------------------------------------------

struct GenericWord {
    std::string_view word;
    FeatureHint hint;
};

// Generic words stripped from translit keys; their presence hints at the
// feature type ("Diyala governorate" → admin1, "al-Hol camp" → camp).
constexpr std::array<GenericWord, 45> generic_words{{
    {"the", FeatureHint::none},
    {"village", FeatureHint::settlement},
    {"villages", FeatureHint::settlement},
    {"town", FeatureHint::settlement},
    {"township", FeatureHint::settlement},
    {"city", FeatureHint::settlement},
    {"hamlet", FeatureHint::settlement},
    {"qarya", FeatureHint::settlement},
    {"qaryat", FeatureHint::settlement},
    {"\xd9\x82\xd8\xb1\xd9\x8a\xd9\x87", FeatureHint::settlement},           // قريه (folded قرية)
    {"\xd8\xa8\xd9\x84\xd8\xaf\xd9\x87", FeatureHint::settlement},           // بلده
    {"\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd9\x87", FeatureHint::settlement},   // مدينه
    {"governorate", FeatureHint::admin1},
    {"governate", FeatureHint::admin1},
    {"province", FeatureHint::admin1},
    {"muhafazat", FeatureHint::admin1},
    {"muhafazah", FeatureHint::admin1},
    {"mohafazat", FeatureHint::admin1},
    {"\xd9\x85\xd8\xad\xd8\xa7\xd9\x81\xd8\xb8\xd9\x87", FeatureHint::admin1},  // محافظه
    {"district", FeatureHint::admin2},
    {"subdistrict", FeatureHint::admin2},
    {"qada", FeatureHint::admin2},
    {"qadaa", FeatureHint::admin2},
    {"qadha", FeatureHint::admin2},
    {"nahiya", FeatureHint::admin2},
    {"nahiyah", FeatureHint::admin2},
    {"mantiqat", FeatureHint::admin2},
    {"\xd9\x82\xd8\xb6\xd8\xa7\xd8\xa1", FeatureHint::admin2},              // قضاء
    {"\xd9\x86\xd8\xa7\xd8\xad\xd9\x8a\xd9\x87", FeatureHint::admin2},      // ناحيه
    {"camp", FeatureHint::camp},
    {"\xd9\x85\xd8\xae\xd9\x8a\xd9\x85", FeatureHint::camp},                // مخيم
    {"region", FeatureHint::region},
    {"area", FeatureHint::region},
    {"neighbourhood", FeatureHint::neighbourhood},
    {"neighborhood", FeatureHint::neighbourhood},
    {"quarter", FeatureHint::neighbourhood},
    // facilities: "Kweires military airport", "Tabqa airbase", "Mosul Dam"
    {"airport", FeatureHint::facility},
    {"airbase", FeatureHint::facility},
    {"military", FeatureHint::facility},
    {"base", FeatureHint::facility},
    {"dam", FeatureHint::facility},
    {"oilfield", FeatureHint::facility},
    {"crossing", FeatureHint::facility},
    {"\xd9\x85\xd8\xb7\xd8\xa7\xd8\xb1", FeatureHint::facility},  // مطار
    {"\xd8\xb3\xd8\xaf", FeatureHint::facility},                      // سد
}};

// Arabic definite article as transliterated, standalone after hyphen split.
bool is_article(std::string_view t) noexcept {
    static constexpr std::array<std::string_view, 24> articles{
        "al", "el", "il", "ul", "l", "ar", "er", "as", "es", "ad", "ed", "ash", "esh",
        "az", "ez", "an", "en", "at", "et", "ath", "adh", "ed", "ech", "ath"};
    return std::find(articles.begin(), articles.end(), t) != articles.end();
}

// Common name words spelled many ways; unified before letter rules.
const std::unordered_map<std::string_view, std::string_view>& name_words() {
    static const std::unordered_map<std::string_view, std::string_view> m{
        {"deir", "dayr"},    {"dair", "dayr"},     {"der", "dayr"},      {"dayr", "dayr"},
        {"kfar", "kafr"},    {"kafar", "kafr"},    {"kefr", "kafr"},     {"kafr", "kafr"},
        {"tell", "tal"},     {"tel", "tal"},       {"tall", "tal"},      {"til", "tal"},
        {"ain", "ayn"},      {"ein", "ayn"},       {"ayn", "ayn"},       {"aine", "ayn"},
        {"jebel", "jabal"},  {"jabel", "jabal"},   {"jbel", "jabal"},    {"jabal", "jabal"},
        {"abou", "abu"},     {"abo", "abu"},       {"bou", "abu"},
        {"beni", "bani"},    {"bani", "bani"},
        {"umm", "um"},       {"om", "um"},         {"oum", "um"},        {"um", "um"},
        {"sheikh", "shaykh"},{"shaikh", "shaykh"}, {"sheik", "shaykh"},  {"sheykh", "shaykh"},
        {"shaykh", "shaykh"},{"shekh", "shaykh"},  {"cheikh", "shaykh"},
        {"khirbet", "khirbat"}, {"kherbet", "khirbat"}, {"khirbat", "khirbat"}, {"khirbit", "khirbat"},
        {"beit", "bayt"},    {"bait", "bayt"},     {"bayt", "bayt"},
        {"wady", "wadi"},    {"ras", "ras"},       {"raas", "ras"},
        {"qasr", "qasr"},    {"kasr", "qasr"},     {"qaser", "qasr"},
        {"mazraat", "mazraa"}, {"mazraet", "mazraa"},
    };
    return m;
}

bool is_vowel(char c) noexcept {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool is_sun_letter(char c) noexcept {
    return c == 't' || c == 'd' || c == 'r' || c == 'z' || c == 's' || c == 'n' || c == 'l';
}

// Latin spelling equivalences on one token (already lower-case ASCII).
std::string latin_translit_token(std::string t) {
    std::string out;
    out.reserve(t.size());
    const std::size_t n = t.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = t[i];
        const char next = i + 1 < n ? t[i + 1] : '\0';
        if (c == 'e' && next == 'e') { out += 'i'; ++i; continue; }          // Mayadeen → Mayadin
        if (c == 'o' && (next == 'u' || next == 'o')) { out += 'u'; ++i; continue; }  // Baqouba, Hool
        if (c == 'o') { out += 'u'; continue; }                               // Mosul/Musul, Tadmor
        if ((c == 'e' || c == 'a') && (next == 'i' || next == 'y')) { out += "ay"; ++i; continue; }  // Deir/Dair/Dayr
        if (c == 'e') { out += 'a'; continue; }                               // Menbij/Manbij
        if (c == 'q') { out += 'k'; continue; }                               // Qamishli/Kamishli
        if (c == 'c' && next == 'k') { out += 'k'; ++i; continue; }
        if (c == 'c' && next != 'h') { out += 'k'; continue; }
        if (c == 'd' && next == 'h') { out += 'z'; ++i; continue; }          // dh/z
        if (c == 'p' && next == 'h') { out += 'f'; ++i; continue; }
        out += c;
    }
    // collapse doubled letters: Raqqa/Raqa, Shaddadi/Shadadi
    std::string collapsed;
    collapsed.reserve(out.size());
    for (char c : out) {
        // only ASCII letters collapse: a repeated byte inside a multi-byte
        // character is not a doubled letter
        if (collapsed.empty() || collapsed.back() != c || static_cast<unsigned char>(c) >= 0x80) collapsed += c;
    }
    // endings -ah / -eh (already -ah) / -a: Baqubah/Baquba, Hasakeh/Hasaka
    if (collapsed.size() > 3 && collapsed.compare(collapsed.size() - 2, 2, "ah") == 0) {
        collapsed.pop_back();
    }
    return collapsed;
}

// Strip an attached article: "albukamal" → "bukamal", "ezzor" → "zor",
// "ashshaddadi" → "shaddadi". Applied identically to queries and gazetteer
// names, so an over-eager strip ("aleppo" → "eppo") is harmless.
std::string strip_attached_article(const std::string& t) {
    constexpr std::size_t min_rest = 3;
    if (t.size() >= 2 + min_rest && (t[0] == 'a' || t[0] == 'e') && t[1] == 'l' && t[2] != 'l') {
        return t.substr(2);
    }
    if (t.size() >= 5 + min_rest - 1 && (t[0] == 'a' || t[0] == 'e') && t.compare(1, 4, "shsh") == 0) {
        return t.substr(3);
    }
    if (t.size() >= 2 + min_rest && (t[0] == 'a' || t[0] == 'e') && is_sun_letter(t[1]) && t[2] == t[1] &&
        t[1] != 'l') {
        return t.substr(2);
    }
    return t;
}

// Arabic: strip the article "ال" from tokens longer than it, drop hamza.
std::string arabic_translit_token(const std::string& t) {
    static const std::string al = "\xd8\xa7\xd9\x84";  // ال
    std::string s = t;
    if (s.size() > al.size() + 2 * 2 && s.compare(0, al.size(), al) == 0) s = s.substr(al.size());
    std::string out;
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c < 0 || c == 0x0621) continue;  // hamza on the line
        append_utf8(out, c);
    }
    return out;
}

Script token_script(std::string_view t) {
    if (is_ascii(t)) return Script::latin;
    int32_t i = 0;
    const auto n = static_cast<int32_t>(t.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(t.data(), i, n, c);
        if (c >= 0 && ublock_getCode(c) == UBLOCK_ARABIC) return Script::arabic;
    }
    return Script::other;
}

std::vector<std::string> split_spaces(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find(' ', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) out.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string latin_skeleton(const std::string& translit) {
    std::string out;
    out.reserve(translit.size());
    const std::size_t n = translit.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = translit[i];
        const char next = i + 1 < n ? translit[i + 1] : '\0';
        if (next == 'h' && (c == 'k' || c == 'g' || c == 's' || c == 't' || c == 'z' || c == 'c')) {
            out += (c == 'c' ? 's' : c);  // kh→k, gh→g, sh→s, th→t, zh→z, ch→s
            ++i;
            continue;
        }
        if (is_vowel(c) || c == 'y' || c == 'w') continue;
        if (!out.empty() && out.back() == c && static_cast<unsigned char>(c) < 0x80) continue;
        out += c;
    }
    return out;
}

std::string arabic_skeleton(const std::string& translit) {
    // drop long-vowel letters alef, waw, yeh after the first letter
    std::string out;
    int32_t i = 0;
    const auto n = static_cast<int32_t>(translit.size());
    bool first = true;
    UChar32 prev = -1;
    while (i < n) {
        UChar32 c;
        U8_NEXT(translit.data(), i, n, c);
        if (c < 0) continue;
        if (!first && (c == 0x0627 || c == 0x0648 || c == 0x064A)) continue;
        first = false;
        if (c == prev) continue;
        append_utf8(out, c);
        prev = c;
    }
    return out;
}

// Keys shorter than this many code points are too unspecific as skeletons
// ("Hit" → "ht"); such names use their translit key as skeleton.
constexpr std::size_t min_skeleton_cp = 2;

} // namespace

bool valid_utf8(std::string_view s) noexcept {
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c < 0) return false;
    }
    return true;
}

std::string sanitize_utf8(std::string_view s) {
    if (is_ascii(s)) return std::string(s);
    std::string out;
    out.reserve(s.size());
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        append_utf8(out, c < 0 ? 0xFFFD : c);
    }
    return out;
}

std::string fold(std::string_view s) {
    if (is_ascii(s)) return fold_ascii(s);
    const icu::Normalizer2* norm = nfkd();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (norm) {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString d = norm->normalize(u, status);
        if (U_SUCCESS(status)) u = d;
    }
    std::string out;
    out.reserve(s.size());
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        if (c == 0xFFFD) continue;  // invalid input bytes
        const int8_t type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) continue;
        if (is_apostrophe_like(c)) continue;
        if (c >= 0x0600 && c <= 0x06FF) {
            c = normalise_arabic(c);
            if (c == 0) continue;
        }
        if (u_isalpha(c)) c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        if (const char* special = latin_special(c)) {
            out += special;
            continue;
        }
        if (u_isalpha(c)) {
            append_utf8(out, c);
        } else if (u_isdigit(c)) {
            const int32_t v = u_charDigitValue(c);
            out.push_back(static_cast<char>('0' + (v >= 0 && v <= 9 ? v : 0)));
        } else {
            push_space(out);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    // fold may have produced non-ASCII letters that case-fold differently
    // (ß → ss is done by u_foldCase's full folding only; simple folding is fine here)
    return out;
}

const char* to_string(FeatureHint h) noexcept {
    switch (h) {
    case FeatureHint::none: return "none";
    case FeatureHint::settlement: return "settlement";
    case FeatureHint::admin1: return "admin1";
    case FeatureHint::admin2: return "admin2";
    case FeatureHint::camp: return "camp";
    case FeatureHint::region: return "region";
    case FeatureHint::neighbourhood: return "neighbourhood";
    case FeatureHint::facility: return "facility";
    }
    return "none";
}

MatchKeys match_keys(std::string_view name) {
    MatchKeys k;
    k.fold = fold(name);
    std::vector<std::string> tokens = split_spaces(k.fold);

    // generic words: strip (unless nothing would remain) and remember the hint
    std::vector<std::string> kept;
    kept.reserve(tokens.size());
    bool had_generic = false;
    for (const auto& t : tokens) {
        const std::string_view tv(t);
        auto it = std::find_if(generic_words.begin(), generic_words.end(),
                               [&](const GenericWord& g) { return tv == g.word; });
        if (it != generic_words.end()) {
            had_generic = true;
            if (it->hint != FeatureHint::none && k.hint == FeatureHint::none) k.hint = it->hint;
            continue;
        }
        kept.push_back(t);
    }
    if (had_generic) {
        // "the town of X", "governorate of X": "of" goes with the generic word
        kept.erase(std::remove(kept.begin(), kept.end(), std::string("of")), kept.end());
    }
    if (kept.empty()) {
        kept = tokens;
        k.hint = FeatureHint::none;
    }

    // articles: standalone ones go unless they are all there is
    std::vector<std::string> words;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (kept.size() > 1 && is_article(kept[i]) && i + 1 < kept.size()) continue;
        words.push_back(kept[i]);
    }

    bool any_arabic = false;
    bool any_latin = false;
    std::string translit;
    for (auto& w : words) {
        const Script sc = token_script(w);
        if (sc == Script::latin) {
            any_latin = true;
            std::string t = strip_attached_article(w);
            auto it = name_words().find(t);
            if (it != name_words().end()) t = std::string(it->second);
            translit += latin_translit_token(t);
        } else if (sc == Script::arabic) {
            any_arabic = true;
            translit += arabic_translit_token(w);
        } else {
            translit += w;
        }
    }
    k.script = any_arabic && !any_latin ? Script::arabic : (any_latin ? Script::latin : Script::other);
    // collapse doubles across joined tokens too ("Tal Lahm" ≈ "Tallahm")
    k.translit = translit;
    if (k.script == Script::latin) {
        std::string c;
        for (char ch : k.translit) {
            if (c.empty() || c.back() != ch || static_cast<unsigned char>(ch) >= 0x80) c += ch;
        }
        k.translit = c;
        k.skel = latin_skeleton(k.translit);
    } else if (k.script == Script::arabic) {
        k.skel = arabic_skeleton(k.translit);
    } else {
        k.skel = k.translit;
    }
    if (length_cp(k.skel) < min_skeleton_cp) k.skel = k.translit;
    return k;
}

std::size_t length_cp(std::string_view s) noexcept {
    std::size_t n = 0;
    for (char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    }
    return n;
}

double jaro_winkler(std::string_view a8, std::string_view b8) {
    const std::u32string a = to_u32(a8);
    const std::u32string b = to_u32(b8);
    if (a.empty() && b.empty()) return 1.0;
    if (a.empty() || b.empty()) return 0.0;
    const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
    std::vector<char> am(a.size(), 0), bm(b.size(), 0);
    std::size_t matches = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::size_t lo = i > window ? i - window : 0;
        const std::size_t hi = std::min(i + window + 1, b.size());
        for (std::size_t j = lo; j < hi; ++j) {
            if (!bm[j] && a[i] == b[j]) {
                am[i] = bm[j] = 1;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0) return 0.0;
    std::size_t t = 0, k = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!am[i]) continue;
        while (!bm[k]) ++k;
        if (a[i] != b[k]) ++t;
        ++k;
    }
    const double m = static_cast<double>(matches);
    const double jaro = (m / a.size() + m / b.size() + (m - t / 2.0) / m) / 3.0;
    std::size_t prefix = 0;
    while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    constexpr double winkler_scale = 0.1;  // Winkler (1990) standard prefix scale
    return jaro + static_cast<double>(prefix) * winkler_scale * (1.0 - jaro);
}

std::size_t levenshtein(std::string_view a8, std::string_view b8) {
    // Optimal string alignment distance: Levenshtein plus adjacent
    // transpositions, the commonest typo in names ("Krikuk", "Baqbuah").
    const std::u32string a = to_u32(a8);
    const std::u32string b = to_u32(b8);
    const std::size_t w = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * w);
    for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, d[(i - 2) * w + j - 2] + 1);
            d[i * w + j] = v;
        }
    }
    return d[a.size() * w + b.size()];
}

double edit_similarity(std::string_view a, std::string_view b) {
    const std::size_t la = length_cp(a), lb = length_cp(b);
    const std::size_t longest = std::max(la, lb);
    if (longest == 0) return 1.0;
    return 1.0 - static_cast<double>(levenshtein(a, b)) / static_cast<double>(longest);
}

std::vector<std::string> single_deletions(std::string_view key) {
    std::vector<std::string> out;
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if ((static_cast<unsigned char>(key[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(key.size());
    for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
        std::string d;
        d.reserve(key.size());
        d.append(key.substr(0, starts[k]));
        d.append(key.substr(starts[k + 1]));
        if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(std::move(d));
    }
    return out;
}

std::string ascii_spelling(std::string_view name) {
    if (is_ascii(name)) return std::string(name);
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    if (const icu::Normalizer2* norm = nfkd()) {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString d = norm->normalize(u, status);
        if (U_SUCCESS(status)) u = d;
    }
    std::string out;
    out.reserve(name.size());
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (is_apostrophe_like(c)) {
            const bool word_start = out.empty() || out.back() == ' ' || out.back() == '-';
            if (!word_start) out.push_back('\'');
        } else if (const char* l = latin_special(c)) {
            out += l;
        } else if (u_charType(c) == U_SPACE_SEPARATOR) {
            out.push_back(' ');
        }
        // combining marks and letters without a Latin form are dropped
    }
    const auto b = out.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    return out.substr(b, out.find_last_not_of(' ') - b + 1);
}

} // namespace reckon::text
