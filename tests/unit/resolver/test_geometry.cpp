// Geodesy and uncertainty shapes against independent references: PROJ's geod
// command-line tool for the geodesic problems, closed-form areas for sectors
// and disks, and coverage of the points that define each shape.

#include "geodesy/geodesic.hpp"
#include "geometry/geos.hpp"
#include "geometry/shapes.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

using namespace reckon;

namespace {

constexpr double pi = 3.14159265358979323846;
const LatLon baqubah{33.7466, 44.64366};

// The exterior ring of a single POLYGON, in order, from its WKT.
std::vector<LatLon> exterior_ring(const geometry::Geometry& g) {
    const std::string wkt = g.to_wkt(12);
    std::vector<LatLon> ring;
    const std::size_t open = wkt.find("((");
    const std::size_t close = wkt.find(')', open);
    if (wkt.rfind("POLYGON", 0) != 0 || open == std::string::npos || close == std::string::npos) return ring;
    std::stringstream ss(wkt.substr(open + 2, close - open - 2));
    std::string pair;
    while (std::getline(ss, pair, ',')) {
        std::istringstream ps(pair);
        double x = 0, y = 0;
        if (ps >> x >> y) ring.push_back(LatLon{y, x});
    }
    return ring;
}

} // namespace

TEST_CASE("geodesy: direct and inverse agree with PROJ's geod", "[resolver][geometry]") {
    // $ echo "33.7466 44.64366 45 100000" | geod +ellps=WGS84 -f "%.12f" -F "%.6f"
    // 34.381683021486	45.412500492697	-134.569345478617
    const LatLon reference{34.381683021486, 45.412500492697};
    const double reference_back_azimuth_deg = -134.569345478617;

    const LatLon p = geodesy::direct(baqubah, 45.0, 100000.0);
    REQUIRE(p.valid());
    CHECK(geodesy::distance_m(p, reference) <= 0.001);
    CHECK(p.lat_deg == Approx(reference.lat_deg).margin(1e-8));
    CHECK(p.lon_deg == Approx(reference.lon_deg).margin(1e-8));

    // and back: 100 km at 45°, arriving with the forward azimuth back_azimuth + 180
    const geodesy::Inverse inv = geodesy::inverse(baqubah, reference);
    CHECK(inv.distance_m == Approx(100000.0).margin(0.001));
    CHECK(inv.azimuth1_deg == Approx(45.0).margin(1e-7));
    CHECK(inv.azimuth2_deg == Approx(reference_back_azimuth_deg + 180.0).margin(1e-7));
    CHECK(geodesy::distance_m(reference, baqubah) == Approx(100000.0).margin(0.001));

    // the haversine approximation is within its documented 0.5%
    CHECK(geodesy::approx_distance_m(baqubah, reference) == Approx(100000.0).epsilon(0.005));
    // invalid input gives NaN, not a throw
    CHECK(std::isnan(geodesy::distance_m(LatLon{}, baqubah)));
    CHECK_FALSE(geodesy::direct(LatLon{}, 0.0, 1000.0).valid());
}

TEST_CASE("geometry: annular sector area matches the analytic value", "[resolver][geometry]") {
    // 10-20 km, 45° wide: (θ/360)·π·(r2² − r1²)
    const geometry::Geometry g = geometry::annular_sector(baqubah, 45.0, 22.5, 10000.0, 20000.0, 0.0);
    REQUIRE(g.is_valid());
    const double analytic = 45.0 / 360.0 * pi * (20000.0 * 20000.0 - 10000.0 * 10000.0);
    const double area = geometry::area_m2(g);
    CHECK(area == Approx(analytic).epsilon(0.005));

    const std::vector<LatLon> ring = exterior_ring(g);
    REQUIRE(ring.size() >= 4);
    CHECK(geodesy::polygon_area_m2(ring) == Approx(area).epsilon(0.005));
    CHECK(geodesy::polygon_area_m2(ring) == Approx(analytic).epsilon(0.005));

    // every vertex lies at its true distance from the anchor (10 or 20 km)
    for (const LatLon& v : ring) {
        const double d = geodesy::distance_m(baqubah, v);
        CHECK((std::fabs(d - 10000.0) < 1.0 || std::fabs(d - 20000.0) < 1.0));
    }
}

TEST_CASE("geometry: sectors are valid and cover their defining points", "[resolver][geometry]") {
    constexpr double r_max = 50000.0;
    constexpr double radial_pull = 200.0;  // metres inward from a defining edge
    constexpr double angular_pull = 0.2;   // degrees inward from a side
    const std::vector<double> half_widths{11.25, 22.5, 45.0, 67.5, 90.0, 120.0, 180.0};
    const std::vector<double> buffers{0.0, 1000.0, 5000.0, 20000.0};
    const std::vector<double> azimuths{0.0, 45.0, 200.0, 350.0};
    const LatLon mosul{36.34314, 43.15487};

    for (double hw : half_widths) {
        for (double e : buffers) {
            std::vector<double> inners{0.0, e + 5000.0};
            if (e > 0) inners.push_back(e / 2.0);
            for (double r1 : inners) {
                for (double az : azimuths) {
                    INFO("half-width " << hw << "°, buffer " << e << " m, inner " << r1 << " m, azimuth " << az << "°");
                    const geometry::Geometry g = geometry::annular_sector(mosul, az, hw, r1, r_max, e);
                    REQUIRE_FALSE(g.empty());
                    CHECK(g.is_valid());
                    // nominal point: the middle of the sector
                    CHECK(geometry::covers(g, geodesy::direct(mosul, az, (r1 + r_max) / 2.0)));
                    // corners, pulled slightly inward
                    const double side = hw >= 180.0 ? 180.0 - angular_pull : hw - angular_pull;
                    for (double s : {-side, side}) {
                        CHECK(geometry::covers(g, geodesy::direct(mosul, az + s, r1 + radial_pull)));
                        CHECK(geometry::covers(g, geodesy::direct(mosul, az + s, r_max - radial_pull)));
                    }
                    // the buffer grows the shape outward on every side
                    CHECK(geometry::covers(g, geodesy::direct(mosul, az, r_max + e - radial_pull)));
                    if (e > 0 && r1 > e) {
                        CHECK(geometry::covers(g, geodesy::direct(mosul, az, r1 - e + radial_pull)));
                        CHECK_FALSE(geometry::covers(g, geodesy::direct(mosul, az, r1 - e - radial_pull)));
                    }
                    if (r1 + radial_pull < e) CHECK(geometry::covers(g, mosul));  // within e of the inner arc
                    if (hw < 180.0 && e > 0) {
                        // a point just beyond the side, but within the buffer
                        const LatLon corner = geodesy::direct(mosul, az + hw, r_max);
                        const double out_az = az + hw + 90.0;
                        CHECK(geometry::covers(g, geodesy::direct(corner, out_az, e - radial_pull)));
                    }
                    // nothing lies beyond the outer radius + buffer
                    CHECK(geometry::max_distance_m(mosul, g) == Approx(r_max + e).epsilon(0.002));
                    CHECK_FALSE(geometry::covers(g, geodesy::direct(mosul, az, r_max + e + radial_pull)));
                }
            }
        }
    }
}

TEST_CASE("geometry: disk area is π r²", "[resolver][geometry]") {
    for (double r : {1000.0, 10000.0, 100000.0}) {
        INFO("radius " << r << " m");
        const geometry::Geometry g = geometry::disk(baqubah, r);
        CHECK(g.is_valid());
        CHECK(geometry::area_m2(g) == Approx(pi * r * r).epsilon(0.005));
        CHECK(geometry::covers(g, baqubah));
        CHECK(geometry::max_distance_m(baqubah, g) == Approx(r).epsilon(0.001));
        // a half-width of 180° and no inner radius is the same disk
        const geometry::Geometry s = geometry::annular_sector(baqubah, 0.0, 180.0, 0.0, r, 0.0);
        CHECK(geometry::area_m2(s) == Approx(pi * r * r).epsilon(0.005));
    }
}

TEST_CASE("geometry: a corridor between two places is valid and holds the midpoint", "[resolver][geometry]") {
    const LatLon kirkuk{35.46806, 44.39222}, tikrit{34.61581, 43.67861};
    const LatLon raqqa{35.95283, 39.00788}, deir_ezzor{35.33588, 40.14084};
    const LatLon near_baqubah = geodesy::direct(baqubah, 120.0, 3000.0);
    const LatLon albukamal{34.45, 40.91861}, mosul{36.34314, 43.15487};
    struct Pair {
        LatLon a, b;
        double half_width_m;
    };
    for (const Pair& p : {Pair{kirkuk, tikrit, 10000.0}, Pair{raqqa, deir_ezzor, 25000.0},
                          Pair{baqubah, near_baqubah, 5000.0}, Pair{albukamal, mosul, 15000.0}}) {
        const geodesy::Inverse inv = geodesy::inverse(p.a, p.b);
        INFO("corridor of " << inv.distance_m / 1000.0 << " km, half-width " << p.half_width_m / 1000.0 << " km");
        const geometry::Geometry g = geometry::corridor(p.a, p.b, p.half_width_m);
        REQUIRE_FALSE(g.empty());
        CHECK(g.is_valid());
        const LatLon mid = geodesy::direct(p.a, inv.azimuth1_deg, inv.distance_m / 2.0);
        CHECK(geometry::covers(g, mid));
        CHECK(geometry::covers(g, p.a));
        CHECK(geometry::covers(g, p.b));
        // across the midpoint, nearly out to the half-width on both sides
        const double mid_az = geodesy::inverse(mid, p.b).azimuth1_deg;
        CHECK(geometry::covers(g, geodesy::direct(mid, mid_az - 90.0, 0.98 * p.half_width_m)));
        CHECK(geometry::covers(g, geodesy::direct(mid, mid_az + 90.0, 0.98 * p.half_width_m)));
        CHECK_FALSE(geometry::covers(g, geodesy::direct(mid, mid_az + 90.0, 1.02 * p.half_width_m)));
        // a stadium: 2wL + πw²
        const double w = p.half_width_m, L = inv.distance_m;
        CHECK(geometry::area_m2(g) == Approx(2.0 * w * L + pi * w * w).epsilon(0.01));
    }
}
