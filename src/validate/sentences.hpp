#pragma once
/// @file sentences.hpp
/// Sentence boundaries in report prose, for finding the location expressions
/// of each sentence on their own (a paragraph's places are not one phrase).

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon::validate {

/// Byte ranges [begin, end) of the sentences of @p text, trimmed of spaces.
/// A sentence ends at '.', '!' or '?' (after a closing quote or bracket, if
/// any) followed by a space and an upper-case letter, digit, quote or bracket,
/// unless the word before the stop is a known abbreviation or an initial.
/// Linear in the size of the text.
std::vector<std::pair<std::size_t, std::size_t>> split_sentences(std::string_view text);

} // namespace reckon::validate
