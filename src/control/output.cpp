// Control results as the layers control_areas and control_changes
// (src/export/layers.hpp schemas), styled by controller.

#include "control/dates.hpp"
#include "control/util.hpp"
#include "export/layers.hpp"
#include "reckon/control.hpp"
#include "reckon/error.hpp"

#include <set>

namespace reckon {

namespace {

std::vector<std::string> controllers_of(const ControlResult& r, const ControllerTable& table) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& e : table.entries()) {
        if (seen.insert(e.controller).second) out.push_back(e.controller);
    }
    for (const auto& a : r.areas) {
        if (seen.insert(a.controller).second) out.push_back(a.controller);
    }
    for (const auto& c : r.changes) {
        for (const auto* name : {&c.controller_from, &c.controller_to}) {
            if (seen.insert(*name).second) out.push_back(*name);
        }
    }
    return out;
}

FieldValue date_or_null(const std::optional<Date>& d) {
    if (!d) return std::monostate{};
    return *d;
}

// Values in schema order, found by field name (the schema's names are the contract).
class Row {
public:
    explicit Row(const LayerSchema& s) : m_schema(s), m_values(s.fields.size()) {}
    Row& set(const std::string& field, FieldValue v) {
        for (std::size_t i = 0; i < m_schema.fields.size(); ++i) {
            if (m_schema.fields[i].name == field) {
                m_values[i] = std::move(v);
                return *this;
            }
        }
        throw Error("layer " + m_schema.name + " has no field " + field);
    }
    OutFeature feature(std::string wkt) { return OutFeature{std::move(m_values), std::move(wkt)}; }

private:
    const LayerSchema& m_schema;
    std::vector<FieldValue> m_values;
};

} // namespace

void write_control_layers(DatasetWriter& writer, const ControlResult& result, const ControllerTable& controllers) {
    std::vector<layers::Category> classes;
    for (const std::string& c : controllers_of(result, controllers)) {
        const ControllerStyle s = controllers.style(c);
        classes.push_back({c, s.label, s.colour, layers::FillPattern::solid});
    }
    const LayerSchema areas = layers::control_areas(classes);
    const LayerSchema changes = layers::control_changes(classes);
    writer.add_layer(areas);
    writer.add_layer(changes);

    std::vector<OutFeature> fa;
    fa.reserve(result.areas.size());
    for (const ControlArea& a : result.areas) {
        Row r(areas);
        r.set("area_id", a.area_id)
            .set("controller", a.controller)
            .set("as_of", a.as_of)
            .set("valid_from", a.valid_from)
            .set("valid_to", date_or_null(a.valid_to))
            .set("area_km2", a.area_km2)
            .set("evidence_count", a.evidence_count)
            .set("first_evidence", date_or_null(a.first_evidence))
            .set("last_evidence", date_or_null(a.last_evidence))
            .set("contested", static_cast<std::int64_t>(a.contested ? 1 : 0))
            .set("method", a.method);
        fa.push_back(r.feature(a.wkt));
    }
    writer.write(areas.name, fa);

    std::vector<OutFeature> fc;
    fc.reserve(result.changes.size());
    for (const ControlChange& c : result.changes) {
        Row r(changes);
        r.set("change_id", c.change_id)
            .set("controller_from", c.controller_from)
            .set("controller_to", c.controller_to)
            .set("valid_from", c.valid_from)
            .set("valid_to", c.valid_to)
            .set("area_km2", c.area_km2)
            .set("incident_ids", control::detail::join(c.incident_ids, ","))
            .set("place_ids", control::detail::join(c.place_ids, ","))
            .set("evidence_count", c.evidence_count);
        fc.push_back(r.feature(c.wkt));
    }
    writer.write(changes.name, fc);
}

} // namespace reckon
