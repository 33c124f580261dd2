// Calibration: real phrases with verified true locations
// (../shared/eval/real_cases_calibration.tsv, read at run time). The
// uncertainty circle should contain the truth in about 90-95% of the phrases
// the resolver locates, with the circle as small as that allows.

#include "../gazetteer/fixtures.hpp"
#include "geodesy/geodesic.hpp"
#include "reckon/resolver.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

using namespace reckon;

namespace {

struct Coverage {
    std::size_t rows = 0, located = 0, covered = 0;
    std::vector<double> radii_km;
    std::string misses;
    double rate() const { return located ? static_cast<double>(covered) / static_cast<double>(located) : 0.0; }
    double median_km() {
        if (radii_km.empty()) return 0.0;
        std::sort(radii_km.begin(), radii_km.end());
        return radii_km[radii_km.size() / 2];
    }
};

Coverage measure(Gazetteer& gaz, const ResolveOptions& opt) {
    Coverage cov;
    Resolver resolver(gaz);
    const std::string path = test::shared_dir() + "/eval/real_cases_calibration.tsv";
    for (const auto& row : test::read_tsv(path)) {
        if (row.cols.size() < 7) continue;
        ++cov.rows;
        const Resolution r = resolver.resolve(row.cols[1], opt);
        if (!r.point.valid()) continue;
        ++cov.located;
        const LatLon truth{std::stod(row.cols[4]), std::stod(row.cols[5])};
        const double d = geodesy::distance_m(r.point, truth);
        cov.radii_km.push_back(r.uncertainty_m / 1000.0);
        if (d <= r.uncertainty_m) {
            ++cov.covered;
        } else {
            cov.misses += row.cols[0] + " '" + row.cols[1] + "': truth " + std::to_string(d / 1000.0) + " km away, radius " +
                          std::to_string(r.uncertainty_m / 1000.0) + " km\n";
        }
    }
    return cov;
}

} // namespace

TEST_CASE("calibration: the truth falls inside the uncertainty circle in ~90-95% of real phrases",
          "[resolver][calibration][shared]") {
    Gazetteer* gaz = test::full_gazetteer();
    if (!gaz || !std::filesystem::exists(test::shared_dir() + "/eval/real_cases_calibration.tsv")) {
        WARN("../shared not present: skipped");
        return;
    }
    Coverage cov = measure(*gaz, ResolveOptions{});
    const double median = cov.median_km();
    std::cout << "calibration (default model): " << cov.located << " of " << cov.rows << " phrases located, coverage "
              << cov.rate() << ", median radius " << median << " km\n";
    INFO(cov.misses);
    CHECK(cov.located >= cov.rows * 3 / 4);
    CHECK(cov.rate() >= 0.88);
    CHECK(cov.rate() <= 0.97);  // larger circles than honesty needs

    ResolveOptions textbook;
    textbook.reporter_error = false;
    Coverage tb = measure(*gaz, textbook);
    std::cout << "calibration (textbook point-radius, no reporter error): coverage " << tb.rate() << ", median radius "
              << tb.median_km() << " km\n";
    CHECK(tb.rate() < cov.rate());  // reporter error matters
}
