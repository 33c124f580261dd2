// The seed report (../shared/reports, read at run time): every location
// phrase in it resolves — located, or an honest unresolved/inconsistent/
// ambiguous status that says why — and named places given with a relative
// description land on the named village.

#include "../gazetteer/fixtures.hpp"
#include "geodesy/geodesic.hpp"
#include "reckon/resolver.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace reckon;

TEST_CASE("seed report: every location phrase resolves or says why", "[resolver][seed][shared]") {
    Gazetteer* gaz = test::full_gazetteer();
    const std::string path = test::shared_dir() + "/reports/spotlight-global-jihad-2020-02-13.txt";
    if (!gaz || !std::filesystem::exists(path)) {
        WARN("../shared not present: skipped");
        return;
    }
    const std::string report = test::read_file(path);
    struct Expected {
        const char* phrase;
        const char* context;    // the report's section heading
        const char* target_id;  // the named village it must land on, or ""
    };
    const Expected cases[] = {
        {"in the region west of Aleppo", "Aleppo", ""},
        {"the village of Anjara, about 10 km west of Aleppo", "Aleppo", "geonames:173215"},
        {"about 10 km east of the Syrian-Turkish border", "", ""},
        {"in the Euphrates Valley", "", ""},
        {"about 3 km south of Al-Raqqah", "Al-Raqqah", ""},
        {"in Al-Rasafah, 40 km southwest of Al-Raqqah", "Al-Raqqah", ""},
        {"14 km north of Al-Mayadeen", "Deir ez-Zor", ""},
        {"about 10 km east of Deir ez-Zor", "Deir ez-Zor", ""},
        {"about 30 km north of Al-Mayadeen", "Deir ez-Zor", ""},
        {"in Al-Hawaij, 4 km northeast of Al-Mayadeen", "Deir ez-Zor", "geonames:169769"},
        {"in Diban, 5 km east of Al-Mayadeen", "Deir ez-Zor", ""},
        {"in Al-Tiyanah, 10 km southeast of Al-Mayadeen", "Deir ez-Zor", "geonames:163279"},
        {"the Al-Omar oil field, about 20 km northeast of Al-Mayadeen", "Deir ez-Zor", ""},
        {"about 30 km northwest of Deir ez-Zor", "Deir ez-Zor", ""},
        {"in the Diyala Province", "", ""},
        {"about 80 km northeast of Baqubah", "Diyala Province", ""},
        {"southeast of Baqubah", "Diyala Province", ""},
        {"about 5 km south of Baqubah", "Diyala Province", ""},
        {"west of Khanaqin, about 100 km northeast of Baqubah", "Diyala Province", ""},
        {"south of Kirkuk", "Kirkuk Province", ""},
        {"in the area of Amerli, about 150 km north of Baghdad", "Salah al-Din Province", ""},
        {"south of Daquq, about 30 km south of Kirkuk", "Kirkuk Province", ""},
        {"about 30 km north of Baghdad", "", ""},
        {"southeast of Al-Fawjah, 50 km west of Baghdad", "Al-Anbar Province", ""},
        {"in the Al-Baghdadi region, about 10 km southeast of Kirkuk", "Al-Anbar Province", ""},
        {"about 15 km south of Mosul", "Nineveh Province", ""},
        {"in western Mosul", "Nineveh Province", ""},
        {"about 140 km north of Baghdad", "", ""},
    };
    Resolver resolver(*gaz);
    std::size_t located = 0;
    for (const auto& c : cases) {
        INFO(c.phrase << " [" << c.context << "]");
        REQUIRE(report.find(c.phrase) != std::string::npos);
        ResolveOptions opt;
        opt.context = c.context;
        const Resolution r = resolver.resolve(c.phrase, opt);
        std::string said = to_string(r.status);
        for (const auto& m : r.messages) said += "; " + m;
        INFO(said);
        CHECK(r.status != ResolveStatus::error);
        if (r.status == ResolveStatus::ok) {
            ++located;
            CHECK(r.point.valid());
            CHECK(r.uncertainty_m > 0);
            CHECK_FALSE(r.uncertainty_wkt.empty());
        } else {
            CHECK_FALSE(r.messages.empty());  // an honest status says why
        }
        if (*c.target_id) {
            REQUIRE(r.target);
            CHECK(r.target->id == c.target_id);
            CHECK(r.precision.ucdp_where_prec == 1);
        }
    }
    std::cout << "seed report: " << located << " of " << std::size(cases) << " location phrases located (status ok)\n";
    CHECK(located * 4 >= std::size(cases) * 3);
}
