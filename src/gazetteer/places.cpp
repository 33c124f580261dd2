// Listing places and admin polygons (settlements of a region for control
// areas). A second read-only connection: Gazetteer's own lives in search.cpp.

#include "gazetteer/sqlite.hpp"
#include "reckon/gazetteer.hpp"

#include <algorithm>

namespace reckon {

namespace {

using gazetteer::detail::Db;
using gazetteer::detail::Stmt;

bool listed(const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

} // namespace

std::vector<Place> list_places(const Gazetteer& gazetteer, const PlaceFilter& filter) {
    Db db(gazetteer.path(), Db::Mode::read_only);
    Stmt q(db, "SELECT id, source_id, name, name_ar, feature_class, feature_code, country, admin1, admin2, lat, lon, "
               "population, extent_m, extent_basis, source_ref, name_count FROM places "
               "WHERE lat BETWEEN ?1 AND ?2 AND lon BETWEEN ?3 AND ?4 ORDER BY source_id");
    q.bind(1, filter.min_lat_deg).bind(2, filter.max_lat_deg).bind(3, filter.min_lon_deg).bind(4, filter.max_lon_deg);
    std::vector<Place> out;
    while (q.step()) {
        Place p;
        p.feature_class = q.text(4);
        p.feature_code = q.text(5);
        p.country = q.text(6);
        if (!filter.feature_classes.empty() && !listed(filter.feature_classes, p.feature_class)) continue;
        if (listed(filter.exclude_codes, p.feature_code)) continue;
        if (!filter.countries.empty() && !listed(filter.countries, p.country)) continue;
        p.row_id = q.int64(0);
        p.id = q.text(1);
        p.name = q.text(2);
        p.name_ar = q.text(3);
        p.admin1 = q.text(7);
        p.admin2 = q.text(8);
        p.position = LatLon{q.real(9), q.real(10)};
        p.population = q.int64(11);
        p.extent_m = q.real(12);
        p.extent_basis = q.text(13);
        p.source_ref = q.text(14);
        p.name_count = q.int64(15);
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<AdminArea> list_admin_areas(const Gazetteer& gazetteer, int level, const std::string& country) {
    Db db(gazetteer.path(), Db::Mode::read_only);
    Stmt q(db, "SELECT COALESCE(p.source_id, ''), a.level, a.country, a.admin1, a.admin2, a.name, a.geom "
               "FROM admin_areas a LEFT JOIN places p ON p.id = a.place_id "
               "WHERE a.level = ?1 AND (?2 = '' OR a.country = ?2) ORDER BY a.country, a.name, a.id");
    q.bind(1, static_cast<std::int64_t>(level)).bind(2, country);
    std::vector<AdminArea> out;
    while (q.step()) {
        AdminArea a;
        a.place_id = q.text(0);
        a.level = static_cast<int>(q.int64(1));
        a.country = q.text(2);
        a.admin1 = q.text(3);
        a.admin2 = q.text(4);
        a.name = q.text(5);
        a.wkb = q.blob(6);
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace reckon
