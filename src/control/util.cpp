#include "control/util.hpp"

#include "text/normalize.hpp"

#include <cstdlib>

namespace reckon::control::detail {

namespace columns {
const std::vector<std::string> controller{"controller", "controlled_by", "control", "held_by", "holder", "faction", "actor"};
const std::vector<std::string> date{"date", "as_of", "event_date", "day"};
const std::vector<std::string> place_name{"place", "place_name", "name", "location", "settlement", "village"};
const std::vector<std::string> place_id{"place_id", "gazetteer_id", "geonames_id"};
const std::vector<std::string> lat{"lat", "latitude", "lat_deg"};
const std::vector<std::string> lon{"lon", "lng", "long", "longitude", "lon_deg"};
const std::vector<std::string> province{"province", "governorate", "admin1", "context"};
const std::vector<std::string> country{"country", "cc", "iso2"};
const std::vector<std::string> evidence_id{"evidence_id", "incident_id", "row_id"};
const std::vector<std::string> kind{"kind", "evidence_kind"};
} // namespace columns

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string name_key(std::string_view s) {
    std::string f = text::fold(s);
    if (f.rfind("the ", 0) == 0) f.erase(0, 4);
    std::string out;
    for (char c : f) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) out += c;
    }
    return out;
}

std::optional<std::size_t> find_column(const std::vector<std::string>& header, const std::vector<std::string>& names) {
    for (const auto& n : names) {
        const std::string k = name_key(n);
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (name_key(header[i]) == k) return i;
        }
    }
    return std::nullopt;
}

std::string find_field(const std::vector<std::string>& fields, const std::vector<std::string>& names) {
    const auto i = find_column(fields, names);
    return i ? fields[*i] : std::string();
}

std::string attribute(const std::map<std::string, std::string>& attributes, const std::vector<std::string>& names) {
    for (const auto& n : names) {
        const std::string k = name_key(n);
        for (const auto& [field, value] : attributes) {
            if (name_key(field) == k) return trim(value);
        }
    }
    return {};
}

std::optional<LatLon> parse_lat_lon(const std::string& lat, const std::string& lon) {
    auto number = [](const std::string& t, double& out) {
        if (t.empty()) return false;
        char* end = nullptr;
        out = std::strtod(t.c_str(), &end);
        return end && *end == '\0';
    };
    LatLon p;
    if (!number(lat, p.lat_deg) || !number(lon, p.lon_deg) || !p.valid()) return std::nullopt;
    return p;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += items[i];
    }
    return out;
}

} // namespace reckon::control::detail
