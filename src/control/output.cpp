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

// Fill opacity src/export/layers.cpp gives control areas (a map's background).
constexpr double control_area_opacity = 0.45;
constexpr const char* contested_suffix = " (contested)";

// A categorized renderer classifies by this expression, so that contested
// parts are hatched in their controller's colour.
const std::string area_class_expression =
    std::string("\"controller\" || if(\"contested\" = 1, '") + contested_suffix + "', '')";

// QGIS temporal properties (QgsVectorLayerTemporalProperties, QGIS 3.22):
// mode 2 = start and end from fields; limitMode 1 = the end is inclusive,
// as valid_to is; a NULL end is open-ended.
std::string with_temporal(std::string qml, const std::string& start, const std::string& end) {
    const std::string temporal = "  <temporal enabled=\"1\" mode=\"2\" limitMode=\"1\" accumulate=\"0\" startField=\"" + start +
                                 "\" endField=\"" + end +
                                 "\" startExpression=\"\" endExpression=\"\" durationField=\"\" durationUnit=\"d\" "
                                 "fixedDuration=\"0\">\n    <fixedRange>\n      <start></start>\n      <end></end>\n"
                                 "    </fixedRange>\n  </temporal>\n";
    const std::size_t close = qml.rfind("</qgis>");
    if (close == std::string::npos) return qml;
    qml.insert(close, temporal);
    const std::string from = "styleCategories=\"Symbology|Labeling\"";
    if (const std::size_t at = qml.find(from); at != std::string::npos) {
        qml.replace(at, from.size(), "styleCategories=\"Symbology|Labeling|Temporal\"");
    }
    return qml;
}

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
    std::vector<layers::Category> area_classes, change_classes;
    for (const std::string& c : controllers_of(result, controllers)) {
        const ControllerStyle s = controllers.style(c);
        area_classes.push_back({c, s.label, s.colour, layers::FillPattern::solid});
        area_classes.push_back({c + contested_suffix, s.label + contested_suffix, s.colour, layers::FillPattern::hatched});
        change_classes.push_back({c, s.label, s.colour, layers::FillPattern::solid});
    }
    const ControllerStyle other = controllers.style(unknown_controller);
    area_classes.push_back({"", "Other", other.colour, layers::FillPattern::solid});
    change_classes.push_back({"", "Other", other.colour, layers::FillPattern::solid});

    LayerSchema areas = layers::control_areas(area_classes);
    areas.style_qml = with_temporal(layers::categorized_fill_qml(area_class_expression, area_classes, control_area_opacity),
                                    "valid_from", "valid_to");
    LayerSchema changes = layers::control_changes(change_classes);
    changes.style_qml = with_temporal(changes.style_qml, "valid_from", "valid_to");
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
