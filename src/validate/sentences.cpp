#include "validate/sentences.hpp"

#include <array>
#include <cctype>
#include <string>

namespace reckon::validate {

namespace {

// Words that end in a full stop without ending the sentence (reports: titles,
// "approx.", "km." is not one of them: "... 5 km. The ..." ends a sentence).
bool is_abbreviation(std::string_view word) {
    static constexpr std::array<std::string_view, 16> words{"mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj",
                                                           "capt", "sgt", "st", "no", "vs", "approx", "etc", "u.s"};
    std::string w;
    for (char c : word) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto a : words) {
        if (w == a) return true;
    }
    return false;
}

bool opens_sentence(unsigned char c) {
    return std::isupper(c) || std::isdigit(c) || c == '"' || c == '(' || c == '[' || c >= 0x80;  // 0x80+: “, Arabic, ...
}

} // namespace

std::vector<std::pair<std::size_t, std::size_t>> split_sentences(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t begin = 0;
    auto push = [&](std::size_t b, std::size_t e) {
        while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
        while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
        if (e > b) out.emplace_back(b, e);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t j = i + 1;
        while (j < text.size() && (text[j] == '"' || text[j] == ')' || text[j] == ']' || text[j] == '\'')) ++j;
        // closing curly quote ” (E2 80 9D)
        if (j + 2 < text.size() && text.compare(j, 3, "\xE2\x80\x9D") == 0) j += 3;
        if (j >= text.size() || text[j] != ' ') continue;
        std::size_t k = j;
        while (k < text.size() && text[k] == ' ') ++k;
        if (k >= text.size() || !opens_sentence(static_cast<unsigned char>(text[k]))) continue;
        if (c == '.') {
            std::size_t w = i;
            while (w > begin && !std::isspace(static_cast<unsigned char>(text[w - 1]))) --w;
            const std::string_view word = text.substr(w, i - w);
            if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) continue;  // an initial: "A. Smith"
            if (is_abbreviation(word)) continue;
        }
        push(begin, j);
        begin = k;
        i = k - 1;
    }
    push(begin, text.size());
    return out;
}

} // namespace reckon::validate
