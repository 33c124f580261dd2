// Dates: the Date type's calendar arithmetic, and dates as reports write them.

#include "reckon/report.hpp"
#include "report/dates.hpp"
#include "report/words.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace reckon;
using namespace reckon::report::detail;

namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }

/// The first date mention in @p text, completed with @p year for a missing year.
std::optional<std::pair<Date, std::optional<Date>>> first_date(const std::string& text, int year = 0) {
    const Toks t = tokenize(text);
    const auto found = find_dates(t);
    if (found.empty()) return std::nullopt;
    return complete(found.front(), year);
}

} // namespace

TEST_CASE("Date: validity, leap years and ISO text", "[report][date]") {
    CHECK(d(2020, 2, 29).valid());
    CHECK_FALSE(d(2019, 2, 29).valid());
    CHECK(d(2000, 2, 29).valid());        // divisible by 400
    CHECK_FALSE(d(1900, 2, 29).valid());  // divisible by 100 only
    CHECK_FALSE(d(2020, 4, 31).valid());
    CHECK_FALSE(d(2020, 13, 1).valid());
    CHECK_FALSE(d(2020, 0, 1).valid());
    CHECK_FALSE(Date{}.valid());
    CHECK(d(2020, 2, 16).iso() == "2020-02-16");
    CHECK(d(7, 1, 2).iso() == "0007-01-02");

    CHECK(Date::parse_iso("2020-02-16") == d(2020, 2, 16));
    CHECK_FALSE(Date::parse_iso("2020-02-30"));
    CHECK_FALSE(Date::parse_iso("2020-2-16"));
    CHECK_FALSE(Date::parse_iso("2020/02/16"));
    CHECK_FALSE(Date::parse_iso(""));
    CHECK_FALSE(Date::parse_iso("20200216xx"));
}

TEST_CASE("Date: days since 1970 and back", "[report][date]") {
    CHECK(d(1970, 1, 1).days() == 0);
    CHECK(d(1970, 1, 2).days() == 1);
    CHECK(d(1969, 12, 31).days() == -1);
    CHECK(d(2000, 3, 1).days() - d(2000, 2, 28).days() == 2);  // 2000 is a leap year
    CHECK(d(2100, 3, 1).days() - d(2100, 2, 28).days() == 1);  // 2100 is not
    CHECK(d(2020, 2, 16).days() == 18308);                      // date -d 2020-02-16 +%s / 86400
    for (std::int64_t z : {-719162LL, -1LL, 0LL, 18308LL, 2932896LL}) {
        INFO(z);
        CHECK(Date::from_days(z).days() == z);
    }
    CHECK(Date::from_days(-719162) == d(1, 1, 1));
    CHECK(Date::from_days(2932896) == d(9999, 12, 31));
    // Out of the supported years: an invalid date, never overflow.
    CHECK_FALSE(Date::from_days(2932897).valid());
    CHECK_FALSE(Date::from_days(INT64_MAX).valid());
    CHECK_FALSE(Date::from_days(INT64_MIN).valid());
    CHECK(d(2020, 2, 13) < d(2020, 2, 19));
    CHECK(d(2020, 12, 31) < d(2021, 1, 1));
}

TEST_CASE("Date: weekdays", "[report][date]") {
    CHECK(weekday_of(d(1970, 1, 1)) == 3);    // Thursday
    CHECK(weekday_of(d(2020, 2, 16)) == 6);   // Sunday
    CHECK(weekday_of(d(2021, 1, 3)) == 6);    // Sunday
    CHECK(weekday_of(d(1969, 12, 29)) == 0);  // Monday
}

TEST_CASE("dates: single dates as reports write them", "[report][date]") {
    struct Case {
        const char* text;
        Date want;
    };
    const Case cases[] = {
        {"On February 16, 2020, an IED was activated", d(2020, 2, 16)},
        {"on February 16 2020 ISIS attacked", d(2020, 2, 16)},
        {"16 February 2020", d(2020, 2, 16)},
        {"On 16 February, 2020", d(2020, 2, 16)},
        {"On Sunday, February 16, 2020", d(2020, 2, 16)},
        {"Feb. 16, 2020", d(2020, 2, 16)},
        {"Sept 3, 2019", d(2019, 9, 3)},
        {"the 2020-02-16 report", d(2020, 2, 16)},
        {"on February 16th, 2020", d(2020, 2, 16)},
        {"(Telegram, February 29, 2020)", d(2020, 2, 29)},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto got = first_date(c.text);
        REQUIRE(got);
        CHECK(got->first == c.want);
        CHECK_FALSE(got->second);
    }
    // No year written: the caller's year.
    const auto no_year = first_date("On February 16, ISIS attacked", 2020);
    REQUIRE(no_year);
    CHECK(no_year->first == d(2020, 2, 16));
    CHECK_FALSE(first_date("On February 16, ISIS attacked", 0));
}

TEST_CASE("dates: not dates", "[report][date]") {
    for (const char* text : {"10 people were killed", "3,196 attacks", "may have been", "about 14 km north",
                             "The march on Baghdad", "February 30, 2020", "Five soldiers were killed, 2019 people",
                             "", "—", "On 32 March 2020"}) {
        INFO(text);
        const auto got = first_date(text, 2020);
        CHECK_FALSE(got);
    }
}

TEST_CASE("dates: a month alone is a mention without a day", "[report][date]") {
    const Toks t = tokenize("by the end of February 2020");
    const auto m = find_dates(t);
    REQUIRE(m.size() == 1);
    CHECK(m[0].day == 0);
    CHECK(m[0].month == 2);
    CHECK(m[0].year == 2020);
    CHECK_FALSE(complete(m[0], 2020));
}

TEST_CASE("dates: ranges and report periods", "[report][date]") {
    struct Case {
        const char* title;
        Date start, end;
    };
    const Case cases[] = {
        {"Spotlight on Global Jihad (February 13-19, 2020)", d(2020, 2, 13), d(2020, 2, 19)},
        {"Weekly review, 13\xE2\x80\x93" "19 February 2020", d(2020, 2, 13), d(2020, 2, 19)},
        {"Weekly review (February 27 \xE2\x80\x93 March 4, 2020)", d(2020, 2, 27), d(2020, 3, 4)},
        {"Weekly review, 27 February \xE2\x80\x93 4 March 2020", d(2020, 2, 27), d(2020, 3, 4)},
        {"Northern Syria (December 28, 2020 \xE2\x80\x93 January 3, 2021)", d(2020, 12, 28), d(2021, 1, 3)},
        {"Review (December 28 \xE2\x80\x93 January 3, 2021)", d(2020, 12, 28), d(2021, 1, 3)},
        {"Digest (March 5\xE2\x80\x93" "11, 2021)", d(2021, 3, 5), d(2021, 3, 11)},
        {"Digest: Feb. 13 - 19, 2020", d(2020, 2, 13), d(2020, 2, 19)},
        {"from February 13 to February 19, 2020", d(2020, 2, 13), d(2020, 2, 19)},
    };
    for (const auto& c : cases) {
        INFO(c.title);
        const auto p = parse_period(c.title);
        REQUIRE(p);
        CHECK(p->first == c.start);
        CHECK(p->second == c.end);
    }
    // A single date, a range without a year, a history longer than a year:
    // no report period.
    for (const char* title : {"Spotlight on Global Jihad, February 13, 2020", "Weekly review (February 13-19)",
                              "From September 21, 2017 to February 13, 2020", "Weekly review (February 19-13, 2020)",
                              ""}) {
        INFO(title);
        CHECK_FALSE(parse_period(title));
    }
}

TEST_CASE("dates: a year for a date written without one", "[report][date]") {
    CHECK(year_near(2, 16, d(2020, 2, 13)) == 2020);
    CHECK(year_near(12, 30, d(2021, 1, 1)) == 2020);  // a report of early January looks back into December
    CHECK(year_near(1, 2, d(2020, 12, 28)) == 2021);
    CHECK(year_near(2, 29, d(2020, 2, 13)) == 2020);
}

TEST_CASE("dates: relative expressions", "[report][date]") {
    struct Case {
        const char* text;
        int days;
    };
    const Case cases[] = {
        {"a day earlier, on February 16, 2020", -1},
        {"The day before, a drone had struck", -1},
        {"the previous day", -1},
        {"The next day, the bodies were found", 1},
        {"the following day", 1},
        {"a day later", 1},
        {"On the same day, an SDF vehicle hit a landmine", 0},
        {"later that day", 0},
        {"two days earlier", -2},
        {"3 days later", 3},
        {"a week earlier", -7},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto r = find_relative(tokenize(c.text));
        REQUIRE(r.size() == 1);
        CHECK(r[0].offset_days == c.days);
    }
    CHECK(find_relative(tokenize("During the day, nothing happened. Two days of fighting.")).empty());
    CHECK(find_relative(tokenize("40 days later")).empty());  // more than a month: not a relative date
}
