#pragma once
/// @file grammar.hpp
/// The phrase grammar: a small pattern/recursive-descent parser over the
/// tokens of one phrase or sentence. Internal to src/phrase; the public entry
/// point is reckon::parse_phrase (phrase.cpp), which guards it.

#include "reckon/phrase.hpp"

namespace reckon::phrase {

class TokenList;

namespace detail {

/// Parse @p tokens into @p out (constraints, target, unparsed, messages).
/// @param[in] tokens      the tokens of out.input
/// @param[in] valid_utf8  whether the input is well-formed UTF-8 (spans are sanitised if not)
/// @param[in,out] out     receives the parse; out.input is not touched
void parse_tokens(const TokenList& tokens, bool valid_utf8, ParsedPhrase& out);

} // namespace detail
} // namespace reckon::phrase
