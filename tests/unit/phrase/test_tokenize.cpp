// The tokenizer: kinds, byte spans, keys and flags.

#include "phrase/lexicon.hpp"
#include "phrase/token.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace reckon::phrase;

TEST_CASE("phrase: tokens keep byte offsets and a normalised key", "[phrase]") {
    const std::string text = "About 14 km north-east of Al-Mayadeen (Deir ez-Zor).";
    const TokenList t(text);
    REQUIRE(t.size() == 11);
    CHECK(t[0].kind == TokenKind::word);
    CHECK(t[0].text == "About");
    CHECK(t[0].key == "about");
    CHECK(t[0].has(token_flag::capitalised));
    CHECK(t[1].kind == TokenKind::number);
    CHECK(t[1].value == 14.0);
    CHECK(t[1].begin == 6);
    CHECK(t[1].end == 8);
    CHECK(t[3].key == "north-east");
    CHECK(t[3].has(token_flag::hyphenated));
    CHECK(t[5].text == "Al-Mayadeen");
    CHECK(t[6].kind == TokenKind::open_paren);
    CHECK(t[8].text == "ez-Zor");
    CHECK(t[9].kind == TokenKind::close_paren);
    CHECK(t[10].kind == TokenKind::period);
    for (std::size_t i = 0; i < t.size(); ++i) CHECK(text.substr(t[i].begin, t[i].end - t[i].begin) == t[i].text);
    CHECK(t[100].kind == TokenKind::end);
}

TEST_CASE("phrase: numbers: grouping, decimals, signs, Arabic-Indic digits", "[phrase]") {
    const TokenList t("3,196 1.5 1,5 -5 6-7 ١٤ 70kms 2020,");
    CHECK(t[0].value == 3196.0);
    CHECK(t[0].decimals == 0);
    CHECK(t[1].value == 1.5);
    CHECK(t[1].decimals == 1);
    CHECK(t[2].value == 1.5);
    CHECK(t[3].value == -5.0);
    CHECK(t[3].has(token_flag::negative));
    CHECK(t[4].value == 6.0);
    CHECK(t[5].kind == TokenKind::dash);
    CHECK(t[6].value == 7.0);
    CHECK(t[7].value == 14.0);
    CHECK(t[8].value == 70.0);
    CHECK(t[9].kind == TokenKind::word);
    CHECK(t[9].key == "kms");
    CHECK_FALSE(t[9].has(token_flag::space_before));
    CHECK(t[10].value == 2020.0);
    CHECK(t[11].kind == TokenKind::comma);
}

TEST_CASE("phrase: dashes, apostrophes, abbreviations and possessives", "[phrase]") {
    const TokenList t("Daquq – Tuz Khurmatu Aleppo’s N.E. Raʾs al-ʿAin minutes’ NNE");
    CHECK(t[1].kind == TokenKind::dash);
    CHECK(t[4].text == "Aleppo");
    CHECK(t[4].has(token_flag::possessive));
    CHECK(t[5].text == "N.E.");
    CHECK(t[5].key == "n.e.");
    CHECK(t[5].has(token_flag::dotted));
    CHECK(t[5].has(token_flag::all_caps));
    CHECK(t[6].text == "Raʾs");
    CHECK(t[7].text == "al-ʿAin");
    CHECK(t[7].key == "al-'ain");
    CHECK(t[8].text == "minutes");
    CHECK(t[9].kind == TokenKind::quote);
    CHECK(t[10].has(token_flag::all_caps));
}

TEST_CASE("phrase: Arabic script words", "[phrase]") {
    const TokenList t("شمال الميادين، أكثر");
    REQUIRE(t.size() == 4);
    CHECK(t[0].has(token_flag::arabic));
    CHECK(t[2].kind == TokenKind::comma);
    CHECK(t[3].key == "اكثر");  // alef with hamza unified
}

TEST_CASE("phrase: the lexicon knows every form of a compass point", "[phrase]") {
    struct Case {
        const char* key;
        int point;
        DirectionForm form;
    };
    const Case cases[] = {{"north", 0, DirectionForm::noun},           {"northern", 0, DirectionForm::adjective},
                          {"northeast", 2, DirectionForm::noun},       {"north-east", 2, DirectionForm::noun},
                          {"northeastern", 2, DirectionForm::adjective}, {"north-eastern", 2, DirectionForm::adjective},
                          {"ne", 2, DirectionForm::abbreviation},      {"n.e.", 2, DirectionForm::abbreviation},
                          {"north-northeast", 1, DirectionForm::noun}, {"north-north-east", 1, DirectionForm::noun},
                          {"nne", 1, DirectionForm::abbreviation},     {"east-southeast", 5, DirectionForm::noun},
                          {"western", 12, DirectionForm::adjective},   {"northwest", 14, DirectionForm::noun},
                          {"nnw", 15, DirectionForm::abbreviation},    {"شمال", 0, DirectionForm::noun}};
    for (const auto& c : cases) {
        INFO(c.key);
        const WordInfo* w = lookup(c.key);
        REQUIRE(w != nullptr);
        CHECK((w->classes & word_class::direction) != 0);
        CHECK(w->compass_point == c.point);
        CHECK(w->direction_form == c.form);
    }
    CHECK(lookup("kilometres")->unit >= 0);
    CHECK(lookup("nowhere") == nullptr);
}
