// Calibration: real phrases with verified true locations. Two sets:
//  - ../shared/eval/real_cases_calibration.tsv (read at run time; 104 phrases
//    from news and monitoring reports, true coordinates given), and
//  - tests/data/calibration_extra.tsv: the named places the seed report
//    (../shared/reports) locates by a relative phrase; the file holds only the
//    phrase, the report's file name and the target's gazetteer id, and the true
//    position is looked up in the full gazetteer here.
// The uncertainty circle should contain the truth in about 90-95% of the
// phrases the resolver locates, with the circle as small as that allows.

#include "../gazetteer/fixtures.hpp"
#include "geodesy/geodesic.hpp"
#include "reckon/resolver.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

using namespace reckon;

namespace {

struct Row {
    std::string id, phrase, context;
    std::optional<LatLon> truth;  // none: the target id is not in the gazetteer
};

struct Coverage {
    std::size_t rows = 0, located = 0, covered = 0;
    std::vector<double> radii_km;
    std::string misses;
    double rate() const { return located ? static_cast<double>(covered) / static_cast<double>(located) : 0.0; }
    double median_km() const {
        if (radii_km.empty()) return 0.0;
        std::vector<double> r = radii_km;
        std::sort(r.begin(), r.end());
        return r[r.size() / 2];
    }
    Coverage& operator+=(const Coverage& o) {
        rows += o.rows;
        located += o.located;
        covered += o.covered;
        radii_km.insert(radii_km.end(), o.radii_km.begin(), o.radii_km.end());
        misses += o.misses;
        return *this;
    }
};

std::vector<Row> shared_rows() {
    std::vector<Row> out;
    for (const auto& r : test::read_tsv(test::shared_dir() + "/eval/real_cases_calibration.tsv")) {
        if (r.cols.size() < 7) continue;
        out.push_back({r.cols[0], r.cols[1], "", LatLon{std::stod(r.cols[4]), std::stod(r.cols[5])}});
    }
    return out;
}

// id, phrase, context, report, target_id, note
std::vector<Row> extra_rows(Gazetteer& gaz, std::string& problems) {
    std::vector<Row> out;
    for (const auto& r : test::read_tsv(test::data_path("calibration_extra.tsv"))) {
        if (r.cols.size() < 5) {
            problems += "line " + std::to_string(r.line) + ": too few columns\n";
            continue;
        }
        Row row{r.cols[0], r.cols[1], r.cols[2], std::nullopt};
        if (const auto p = gaz.place(r.cols[4])) {
            row.truth = p->position;
        } else {
            problems += r.cols[0] + ": target " + r.cols[4] + " is not in the gazetteer\n";
        }
        out.push_back(row);
    }
    return out;
}

Coverage measure(Gazetteer& gaz, const std::vector<Row>& rows, const ResolveOptions& base) {
    Coverage cov;
    Resolver resolver(gaz);
    for (const Row& row : rows) {
        ++cov.rows;
        ResolveOptions opt = base;
        opt.context = row.context;
        const Resolution r = resolver.resolve(row.phrase, opt);
        if (!r.point.valid() || !row.truth) continue;
        ++cov.located;
        const double d = geodesy::distance_m(r.point, *row.truth);
        cov.radii_km.push_back(r.uncertainty_m / 1000.0);
        if (d <= r.uncertainty_m) {
            ++cov.covered;
        } else {
            cov.misses += row.id + " '" + row.phrase + "': truth " + std::to_string(d / 1000.0) + " km away, radius " +
                          std::to_string(r.uncertainty_m / 1000.0) + " km\n";
        }
    }
    return cov;
}

void print(const char* model, const char* set, const Coverage& c) {
    std::cout << "calibration (" << model << ", " << set << "): " << c.located << " of " << c.rows
              << " phrases located, coverage " << c.rate() << " (" << c.covered << "), median radius " << c.median_km()
              << " km\n";
}

} // namespace

TEST_CASE("calibration: the truth falls inside the uncertainty circle in ~90-95% of real phrases",
          "[resolver][calibration][shared]") {
    Gazetteer* gaz = test::full_gazetteer();
    if (!gaz || !std::filesystem::exists(test::shared_dir() + "/eval/real_cases_calibration.tsv")) {
        WARN("../shared not present: skipped");
        return;
    }
    const std::vector<Row> shared = shared_rows();
    std::string problems;
    const std::vector<Row> extra = extra_rows(*gaz, problems);
    INFO(problems);
    CHECK(problems.empty());
    CHECK(extra.size() >= 10);

    const Coverage cov = measure(*gaz, shared, ResolveOptions{});
    const Coverage cov_extra = measure(*gaz, extra, ResolveOptions{});
    Coverage all = cov;
    all += cov_extra;
    print("default model", "shared", cov);
    print("default model", "seed report", cov_extra);
    print("default model", "combined", all);
    INFO(all.misses);
    CHECK(cov.located >= cov.rows * 3 / 4);
    CHECK(cov_extra.located >= cov_extra.rows * 3 / 4);
    CHECK(all.rate() >= 0.88);
    CHECK(all.rate() <= 0.97);  // larger circles than honesty needs

    ResolveOptions textbook;
    textbook.reporter_error = false;
    const Coverage tb = measure(*gaz, shared, textbook);
    const Coverage tb_extra = measure(*gaz, extra, textbook);
    Coverage tb_all = tb;
    tb_all += tb_extra;
    print("textbook point-radius, no reporter error", "shared", tb);
    print("textbook point-radius, no reporter error", "seed report", tb_extra);
    print("textbook point-radius, no reporter error", "combined", tb_all);
    CHECK(tb_all.rate() < all.rate());  // reporter error matters
}
