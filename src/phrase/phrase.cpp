#include "reckon/phrase.hpp"

#include "phrase/grammar.hpp"
#include "phrase/token.hpp"
#include "text/normalize.hpp"

#include <string>

namespace reckon {

const char* to_string(DistanceQualifier q) noexcept {
    switch (q) {
    case DistanceQualifier::exact: return "exact";
    case DistanceQualifier::approximate: return "approximate";
    case DistanceQualifier::at_least: return "at_least";
    case DistanceQualifier::at_most: return "at_most";
    case DistanceQualifier::few: return "few";
    case DistanceQualifier::several: return "several";
    }
    return "exact";
}

const char* to_string(AnchorKind k) noexcept {
    switch (k) {
    case AnchorKind::place: return "place";
    case AnchorKind::border: return "border";
    case AnchorKind::river: return "river";
    }
    return "place";
}

const char* to_string(Relation r) noexcept {
    switch (r) {
    case Relation::at: return "at";
    case Relation::offset: return "offset";
    case Relation::within: return "within";
    case Relation::near: return "near";
    case Relation::part: return "part";
    case Relation::between: return "between";
    case Relation::road: return "road";
    case Relation::region: return "region";
    }
    return "at";
}

ParsedPhrase parse_phrase(std::string_view text) {
    ParsedPhrase out;
    try {
        if (text.size() > max_phrase_bytes) {
            out.messages.push_back("input is " + std::to_string(text.size()) + " bytes, longer than the " +
                                   std::to_string(max_phrase_bytes) + " bytes a location phrase may have: not parsed");
            return out;
        }
        const bool valid = text::valid_utf8(text);
        out.input = valid ? std::string(text) : text::sanitize_utf8(text);
        if (!valid) out.messages.push_back("input is not valid UTF-8: invalid bytes were ignored");
        const phrase::TokenList tokens(text);
        phrase::detail::parse_tokens(tokens, valid, out);
    } catch (...) {
        // Only allocation failure can get here; the promise is never to throw.
        try {
            out.constraints.clear();
            out.target.reset();
            out.messages.emplace_back("internal error while parsing: out of memory");
        } catch (...) {
        }
    }
    return out;
}

} // namespace reckon
