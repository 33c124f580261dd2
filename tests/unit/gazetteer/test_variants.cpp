// Spellings from real reporting resolve to the place they mean:
// tests/data/gazetteer_variants.tsv (variant, expected_id, country, group, origin).

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace reckon;

namespace {

struct Outcome {
    std::size_t total = 0, top1 = 0;
    std::vector<std::string> failures;
    std::string failure_lines() const {
        std::string out;
        for (const auto& f : failures) out += f + "\n";
        return out;
    }
};

Outcome run_table(Gazetteer& gaz, bool only_known_ids, const std::string& origin_filter = "") {
    Outcome o;
    for (const auto& row : test::read_tsv(test::data_path("gazetteer_variants.tsv"))) {
        REQUIRE(row.cols.size() >= 5);
        const std::string& variant = row.cols[0];
        const std::string& expected = row.cols[1];
        if (!origin_filter.empty() && row.cols[4] != origin_filter) continue;
        if (only_known_ids && !gaz.place(expected)) continue;
        ++o.total;
        const SearchResult r = gaz.search(variant);
        if (!r.candidates.empty() && r.candidates.front().place.id == expected) {
            ++o.top1;
        } else {
            o.failures.push_back("line " + std::to_string(row.line) + ": '" + variant + "' expected " + expected +
                                 " got " + (r.candidates.empty() ? std::string("nothing") : r.candidates.front().place.id));
        }
    }
    return o;
}

} // namespace

TEST_CASE("must-show spellings resolve to one place (full gazetteer)", "[gazetteer][shared]") {
    Gazetteer* gaz = test::full_gazetteer();
    if (!gaz) {
        WARN("../shared/data not present: skipped");
        return;
    }
    const Outcome o = run_table(*gaz, false, "must-show");
    CHECK(o.total >= 37);
    INFO(o.failure_lines());
    CHECK(o.failures.empty());
}

TEST_CASE("variant spellings from reports resolve (full gazetteer)", "[gazetteer][shared]") {
    Gazetteer* gaz = test::full_gazetteer();
    if (!gaz) {
        WARN("../shared/data not present: skipped");
        return;
    }
    const Outcome o = run_table(*gaz, false);
    INFO(o.failure_lines());
    const double rate = static_cast<double>(o.top1) / static_cast<double>(o.total);
    INFO("top-1 " << o.top1 << " of " << o.total << " = " << rate);
    CHECK(o.total >= 150);
    // Every group of the table must resolve; the floor records today's level
    // so that a regression fails (raise it as matching improves).
    CHECK(rate >= 0.93);
}

TEST_CASE("variant spellings resolve (default gazetteer, where the place exists)", "[gazetteer][default]") {
    Gazetteer* gaz = test::default_gazetteer();
    if (!gaz) {
        WARN("default gazetteer not built (scripts/setup builds it): skipped");
        return;
    }
    const Outcome o = run_table(*gaz, true);
    INFO(o.failure_lines());
    INFO("top-1 " << o.top1 << " of " << o.total);
    CHECK(o.total > 0);
    CHECK(static_cast<double>(o.top1) >= 0.90 * static_cast<double>(o.total));
}

TEST_CASE("names that are no place find nothing, with suggestions at most", "[gazetteer][shared]") {
    Gazetteer* gaz = test::full_gazetteer();
    if (!gaz) {
        WARN("../shared/data not present: skipped");
        return;
    }
    for (const auto& row : test::read_tsv(test::data_path("gazetteer_nomatch.tsv"))) {
        const SearchResult r = gaz->search(row.cols.at(0));
        INFO("line " << row.line << ": '" << row.cols[0] << "' matched "
                     << (r.candidates.empty() ? std::string() : r.candidates.front().place.name));
        CHECK(r.candidates.empty());
    }
}
