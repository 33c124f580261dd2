// The resolve table: tests/data/resolve_cases.tsv (read at run time) holds
// location phrases in the style of Syria/Iraq monitoring reports with
// expectations worked out from first principles, independently of reckon's
// code (gazetteer coordinates + PROJ's geod CLI; the rules are in the file's
// header comment). Every row is resolved over the full gazetteer and checked
// for status, anchor id, point, radius, UCDP code and polygon; at least 95% of
// the rows must pass every check, and the failing ones are listed.

#include "../gazetteer/fixtures.hpp"
#include "geodesy/geodesic.hpp"
#include "geometry/geos.hpp"
#include "geometry/shapes.hpp"
#include "reckon/error.hpp"
#include "reckon/resolver.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace reckon;

namespace {

const std::string cases_path = RECKON_SOURCE_DIR "/tests/data/resolve_cases.tsv";
constexpr std::size_t column_count = 11;
constexpr std::size_t minimum_rows = 160;
constexpr double required_pass_rate = 0.95;

struct Case {
    std::size_t line = 0;
    std::string phrase, context, status, anchor_id, note;
    std::string lat, lon, tol_km, radius_min_km, radius_max_km, ucdp;
    std::string kind() const { return note.substr(0, note.find(';')); }
};

// Like test::read_tsv, but lines starting with '#' are comments and the first
// other line is the header (checked); trailing empty columns are kept.
std::vector<Case> read_cases(const std::string& path, std::string& problem) {
    std::vector<Case> out;
    std::ifstream in(path);
    if (!in) {
        problem = "cannot open " + path;
        return out;
    }
    std::string line;
    std::size_t n = 0;
    bool header_seen = false;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line.front() == '#') continue;
        std::vector<std::string> cols;
        std::size_t start = 0;
        while (true) {
            const std::size_t tab = line.find('\t', start);
            cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        if (!header_seen) {
            header_seen = true;
            if (line != "phrase\tcontext\tstatus\tanchor_id\tlat\tlon\ttol_km\tradius_min_km\tradius_max_km\tucdp\tnote") {
                problem = "unexpected header at line " + std::to_string(n) + ": " + line;
                return {};
            }
            continue;
        }
        if (line.empty()) continue;
        if (cols.size() != column_count) {
            problem += "line " + std::to_string(n) + ": " + std::to_string(cols.size()) + " columns\n";
            continue;
        }
        Case c;
        c.line = n;
        c.phrase = cols[0];
        c.context = cols[1];
        c.status = cols[2];
        c.anchor_id = cols[3];
        c.lat = cols[4];
        c.lon = cols[5];
        c.tol_km = cols[6];
        c.radius_min_km = cols[7];
        c.radius_max_km = cols[8];
        c.ucdp = cols[9];
        c.note = cols[10];
        out.push_back(std::move(c));
    }
    return out;
}

double num(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

std::string fmt_km(double m) {
    std::ostringstream os;
    os.setf(std::ios::fixed);
    os.precision(1);
    os << m / 1000.0;
    return os.str();
}

// Kinds whose expected point must lie inside the uncertainty polygon. Not
// checked: an annulus around the anchor ("30 km from X" excludes X itself),
// outskirts/entrance and countryside (exclude the town's centre), and chains
// (the point of one constraint need not lie in the intersection), and river
// corridors and bands (the centre of a bend's circle lies off the river).
bool expected_point_inside(const std::string& kind) {
    // river corridors and bands: their circle's centre often lies off the river
    return kind != "dist-only" && kind != "part-outskirts" && kind != "countryside" && kind != "chain" &&
           kind.rfind("river", 0) != 0;
}

// All checks of one row; returns the problems found ("" when it passes).
std::string check_row(const Resolver& resolver, const Case& c) {
    ResolveOptions opt;
    opt.context = c.context;
    const Resolution r = resolver.resolve(c.phrase, opt);
    std::string problems;
    auto fail = [&](const std::string& what) { problems += "    " + what + "\n"; };

    if (c.status != to_string(r.status)) fail(std::string("status ") + to_string(r.status) + ", expected " + c.status);

    if (!c.anchor_id.empty()) {
        std::string got;
        if (c.kind() == "target") {
            if (r.target) got = r.target->id;
        } else {
            for (const auto& a : r.anchors) {
                if (a.place) {
                    got = a.place->id;
                    break;
                }
            }
        }
        if (got != c.anchor_id) fail("anchor " + (got.empty() ? std::string("(none)") : got) + ", expected " + c.anchor_id);
    }

    const bool located = !c.lat.empty();
    if (located) {
        const LatLon expected{num(c.lat), num(c.lon)};
        if (!r.point.valid()) {
            fail("no point, expected (" + c.lat + ", " + c.lon + ")");
        } else {
            const double d = geodesy::distance_m(r.point, expected);
            if (!(d <= num(c.tol_km) * 1000.0)) {
                std::ostringstream os;
                os.precision(6);
                os << "point (" << r.point.lat_deg << ", " << r.point.lon_deg << ") is " << fmt_km(d)
                   << " km from the expected (" << c.lat << ", " << c.lon << "), tolerance " << c.tol_km << " km";
                fail(os.str());
            }
        }
        if (!c.radius_min_km.empty()) {
            const double km = r.uncertainty_m / 1000.0;
            if (!(km >= num(c.radius_min_km) && km <= num(c.radius_max_km))) {
                fail("radius " + fmt_km(r.uncertainty_m) + " km, expected " + c.radius_min_km + ".." + c.radius_max_km +
                     " km");
            }
        }
        if (r.uncertainty_wkt.empty()) {
            fail("no uncertainty_wkt");
        } else {
            try {
                const geometry::Geometry g = geometry::Geometry::from_wkt(r.uncertainty_wkt);
                if (g.empty() || !g.is_valid()) fail("uncertainty_wkt is empty or not valid");
                // A distance without a direction ("30 km from Kirkuk") is a ring
                // around the anchor: its centre, the point, lies in the hole.
                if (r.point.valid() && c.kind() != "dist-only" && !geometry::covers(g, r.point)) {
                    fail("uncertainty_wkt does not cover the point");
                }
                if (expected_point_inside(c.kind()) && !geometry::covers(g, expected)) {
                    fail("uncertainty_wkt does not cover the expected point");
                }
            } catch (const Error& e) {
                fail(std::string("uncertainty_wkt does not parse: ") + e.what());
            }
        }
    }
    if (!c.ucdp.empty() && std::to_string(r.precision.ucdp_where_prec) != c.ucdp) {
        fail("ucdp " + std::to_string(r.precision.ucdp_where_prec) + ", expected " + c.ucdp);
    }

    if (problems.empty()) return problems;
    std::string said = "    reckon said: " + std::string(to_string(r.status));
    if (r.point.valid()) {
        std::ostringstream os;
        os.precision(7);
        os << " (" << r.point.lat_deg << ", " << r.point.lon_deg << ") radius " << fmt_km(r.uncertainty_m) << " km";
        said += os.str();
    }
    said += " ucdp " + std::to_string(r.precision.ucdp_where_prec);
    for (const auto& m : r.messages) said += "; " + m;
    return problems + said + "\n";
}

} // namespace

TEST_CASE("resolve table: phrases resolve as first principles say", "[resolver][resolve][shared]") {
    std::string problem;
    const std::vector<Case> cases = read_cases(cases_path, problem);
    INFO(problem);
    REQUIRE(problem.empty());
    REQUIRE(cases.size() >= minimum_rows);

    Gazetteer* gaz = test::full_gazetteer();
    if (!gaz) {
        WARN("../shared not present: skipped");
        return;
    }
    const Resolver resolver(*gaz);
    std::size_t passed = 0;
    std::string failures;
    for (const Case& c : cases) {
        const std::string problems = check_row(resolver, c);
        if (problems.empty()) {
            ++passed;
        } else {
            failures += "line " + std::to_string(c.line) + " '" + c.phrase + "'" +
                        (c.context.empty() ? "" : " [context " + c.context + "]") + " (" + c.note + "):\n" + problems;
        }
    }
    const double rate = static_cast<double>(passed) / static_cast<double>(cases.size());
    std::cout << "resolve table: " << passed << " of " << cases.size() << " rows pass every check (" << rate * 100.0
              << "%)\n";
    if (!failures.empty()) std::cout << "failing rows:\n" << failures;
    INFO("failing rows:\n" << failures);
    CHECK(rate >= required_pass_rate);
}

TEST_CASE("resolve table: the file is well formed", "[resolver][resolve]") {
    std::string problem;
    const std::vector<Case> cases = read_cases(cases_path, problem);
    INFO(problem);
    REQUIRE(problem.empty());
    REQUIRE(cases.size() >= minimum_rows);
    const std::vector<std::string> statuses{"ok", "unresolved", "ambiguous", "inconsistent", "error"};
    for (const Case& c : cases) {
        INFO("line " << c.line << ": " << c.phrase);
        CHECK(std::find(statuses.begin(), statuses.end(), c.status) != statuses.end());
        CHECK_FALSE(c.note.empty());
        CHECK(c.lat.empty() == c.lon.empty());
        CHECK(c.lat.empty() == c.tol_km.empty());
        CHECK(c.radius_min_km.empty() == c.radius_max_km.empty());
        if (!c.lat.empty()) {
            CHECK(c.status == "ok");
            CHECK_FALSE(c.anchor_id.empty());
            CHECK(LatLon{num(c.lat), num(c.lon)}.valid());
            CHECK(num(c.tol_km) > 0.0);
        }
        if (!c.radius_min_km.empty()) CHECK(num(c.radius_min_km) <= num(c.radius_max_km));
    }
}
