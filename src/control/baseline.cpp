// Baseline control maps: polygons with a controller field from any OGR source.

#include "control/util.hpp"
#include "export/ogr_reader.hpp"
#include "geometry/coverage.hpp"
#include "reckon/control.hpp"
#include "reckon/error.hpp"

#include <fmt/format.h>

namespace reckon {

namespace {
using namespace control::detail;
} // namespace

Baseline read_control_baseline(const std::string& path, const ControllerTable& controllers, const std::string& controller_field) {
    const std::vector<vector_io::VectorLayer> layers = vector_io::read_layers(path);
    Baseline out;
    out.path = path;
    std::vector<std::string> described;
    bool found_field = false;
    for (const auto& layer : layers) {
        const std::string field =
            controller_field.empty() ? find_field(layer.field_names, columns::controller)
                                     : find_field(layer.field_names, std::vector<std::string>{controller_field});
        described.push_back("layer " + layer.name + ": " + (layer.field_names.empty() ? std::string("no fields") : join(layer.field_names)));
        if (field.empty()) continue;
        found_field = true;
        out.crs.push_back(layer.source_crs);
        if (layer.reprojected) {
            out.notes.push_back(fmt::format("{}: layer {} reprojected from {} to EPSG:4326", path, layer.name, layer.source_crs));
        } else if (layer.source_crs.empty()) {
            out.notes.push_back(fmt::format("{}: layer {} declares no CRS: coordinates taken as EPSG:4326 lon/lat", path, layer.name));
        }
        std::size_t used = 0;
        for (const auto& f : layer.features) {
            const std::string where = fmt::format("{}:{}:{}", path, layer.name, f.fid);
            auto it = f.attributes.find(field);
            const std::string controller = it == f.attributes.end() ? std::string() : trim(it->second);
            if (controller.empty()) {
                out.errors.push_back(where + ": no " + field + " value: feature rejected");
                continue;
            }
            if (f.wkb.empty()) {
                out.errors.push_back(where + ": no geometry: feature rejected");
                continue;
            }
            geometry::Geometry g;
            try {
                g = geometry::Geometry::from_wkb(f.wkb);
            } catch (const Error& e) {
                out.errors.push_back(where + ": " + e.what() + ": feature rejected");
                continue;
            }
            if (!geometry::is_polygonal(g)) {
                out.errors.push_back(where + ": a " + geometry::type_name(g) + ", not a polygon: feature rejected");
                continue;
            }
            if (const std::string why = geometry::invalid_reason(g); !why.empty()) {
                geometry::Geometry fixed = geometry::repair_polygonal(g);
                if (fixed.empty()) {
                    out.errors.push_back(where + ": invalid polygon (" + why + ") with no area left after repair: feature rejected");
                    continue;
                }
                out.notes.push_back(where + ": invalid polygon (" + why + ") repaired");
                g = std::move(fixed);
            }
            if (g.empty()) {
                out.errors.push_back(where + ": empty polygon: feature rejected");
                continue;
            }
            out.areas.push_back(BaselineArea{controllers.canonical(controller), g.to_wkt(wkt_decimals), where});
            ++used;
        }
        out.notes.push_back(fmt::format("{}: layer {}: {} of {} features used, controller from field {}", path, layer.name, used,
                                        layer.features.size(), field));
    }
    if (!found_field) {
        const std::vector<std::string>& looked = controller_field.empty() ? columns::controller : std::vector<std::string>{controller_field};
        throw InputError(path, 0, "no controller field (looked for " + join(looked) + "); " +
                                      (described.empty() ? std::string("no layer with geometry") : join(described, "; ")) +
                                      " (name the field with --baseline-field)");
    }
    return out;
}

} // namespace reckon
