// Layer schemas (the field-name contract, Shapefile names, docs) and the
// QGIS styles built for them.

#include "export/layers.hpp"
#include "export/qml.hpp"
#include "export/schema.hpp"
#include "reckon/error.hpp"
#include "../../tools/sample_layers.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace reckon;

namespace {

std::vector<std::string> names(const LayerSchema& s) {
    std::vector<std::string> out;
    for (const auto& f : s.fields) out.push_back(f.name);
    return out;
}

const FieldDef& field(const LayerSchema& s, const std::string& name) {
    for (const auto& f : s.fields) {
        if (f.name == name) return f;
    }
    throw std::logic_error("no field " + name);
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

} // namespace

TEST_CASE("incident fields are the names convert fills", "[export]") {
    const LayerSchema s = layers::incidents();
    CHECK(s.name == "incidents");
    CHECK(s.geometry == GeometryKind::point);
    CHECK(s.key_field == "incident_id");
    CHECK(names(s) == std::vector<std::string>{
                          "incident_id", "event_date", "date_end", "date_basis", "event_type", "other_types", "perpetrator", "perpetrator_basis", "target", "killed",
                          "wounded", "killed_or_wounded", "casualties", "casualty_note", "location_phrase",
                          "location_status", "section", "section_path", "source", "source_date", "report", "paragraph", "offset_begin",
                          "offset_end", "line", "text", "messages", "place_id", "place_name", "place_name_ar",
                          "uncertainty_m", "ucdp_where_prec", "acled_geo_precision"});
    CHECK(field(s, "event_date").type == FieldType::date);
    CHECK(field(s, "source_date").type == FieldType::date);
    for (const char* n : {"killed", "wounded", "killed_or_wounded", "casualties", "paragraph", "offset_begin", "offset_end",
                          "line", "ucdp_where_prec", "acled_geo_precision"}) {
        CHECK(field(s, n).type == FieldType::integer);
    }
    CHECK(field(s, "uncertainty_m").type == FieldType::real);
    CHECK(field(s, "text").type == FieldType::string);
}

TEST_CASE("the other layers have their documented fields", "[export]") {
    CHECK(names(layers::incident_areas()) == std::vector<std::string>{"incident_id", "event_date", "event_type",
                                                                      "location_phrase", "location_status",
                                                                      "uncertainty_m", "area_km2"});
    CHECK(layers::incident_areas().geometry == GeometryKind::polygon);
    CHECK(names(layers::places()) == std::vector<std::string>{"place_id", "name", "name_ar", "feature_code", "country",
                                                              "admin1", "population", "incident_count"});
    CHECK(names(layers::control_areas(sample::controllers())) ==
          std::vector<std::string>{"area_id", "controller", "as_of", "valid_from", "valid_to", "area_km2",
                                   "evidence_count", "first_evidence", "last_evidence", "contested", "method"});
    CHECK(layers::control_areas(sample::controllers()).geometry == GeometryKind::multipolygon);
    CHECK(field(layers::control_areas(sample::controllers()), "contested").type == FieldType::integer);
    for (const char* n : {"as_of", "valid_from", "valid_to", "first_evidence", "last_evidence"}) {
        CHECK(field(layers::control_areas(sample::controllers()), n).type == FieldType::date);
    }
    CHECK(names(layers::control_changes(sample::controllers())) ==
          std::vector<std::string>{"change_id", "controller_from", "controller_to", "valid_from", "valid_to", "area_km2",
                                   "incident_ids", "place_ids", "evidence_count"});
    CHECK(layers::control_changes(sample::controllers()).key_field == "change_id");
}

TEST_CASE("every schema is valid for every format, with docs and a style", "[export]") {
    std::set<std::string> layer_names;
    for (const LayerSchema& s : sample::schemas()) {
        INFO(s.name);
        CHECK(layer_names.insert(s.name).second);
        for (const VectorFormat f : {VectorFormat::gpkg, VectorFormat::shp, VectorFormat::geojson, VectorFormat::csv}) {
            CHECK_NOTHROW(vector_io::detail::validate_schema(s, f));
        }
        CHECK_FALSE(s.description.empty());
        CHECK_FALSE(s.key_field.empty());
        CHECK(contains(s.style_qml, "<qgis version=\"3.22"));
        CHECK(contains(s.style_qml, "</qgis>"));
        for (const FieldDef& f : s.fields) {
            INFO(f.name);
            CHECK_FALSE(f.doc.empty());
            CHECK_FALSE(f.shp_name.empty());
            CHECK(f.shp_name.size() <= 10);
        }
    }
}

TEST_CASE("incident style: categorized by event_type, sized by casualties", "[export]") {
    const std::string q = layers::incidents().style_qml;
    CHECK(contains(q, "type=\"categorizedSymbol\" attr=\"event_type\""));
    CHECK(contains(q, "&quot;casualties&quot;"));
    CHECK(contains(q, "scale_exp("));
    CHECK(contains(q, "<Option name=\"size\" type=\"Map\">"));
    // One category per event type, each with its own colour.
    const auto cats = layers::event_type_categories();
    std::set<std::string> values, colours;
    for (const auto& c : cats) {
        values.insert(c.value);
        colours.insert(c.colour);
        CHECK(contains(q, "value=\"" + c.value + "\""));
    }
    CHECK(values.size() == cats.size());
    CHECK(colours.size() == cats.size());
    for (const char* t : {"ied", "sniper_fire", "gunfire", "rocket_missile", "mortar", "armed_attack", "suicide_attack",
                          "airstrike_shelling", "arrest", "abduction", "execution", "takeover", "shoot_down",
                          "displacement", "other"}) {
        CHECK(values.count(t) == 1);
    }
    CHECK(values.count("") == 1);  // all other values (NULL)
}

TEST_CASE("control styles use the caller's colours, hatch contested parts and are temporal", "[export]") {
    const std::vector<layers::Category> two{{"Syrian army", "Syrian army", "#d7191c", layers::FillPattern::solid},
                                            {"SDF", "SDF", "#ffd92f", layers::FillPattern::solid}};
    const std::string q = layers::control_areas(two).style_qml;
    // classified by controller and the contested flag
    CHECK(contains(q, "attr=\"&quot;controller&quot; || if(&quot;contested&quot; = 1, &apos; (contested)&apos;, &apos;&apos;)\""));
    CHECK(contains(q, "value=\"Syrian army\""));
    CHECK(contains(q, "value=\"Syrian army (contested)\""));
    CHECK(contains(q, "215,25,28,115"));           // #d7191c at opacity 0.45
    CHECK(contains(q, "value=\"b_diagonal\""));    // contested is hatched
    CHECK(contains(q, "<temporal enabled=\"1\" mode=\"2\""));
    CHECK(contains(q, "startField=\"valid_from\" endField=\"valid_to\""));
    const std::vector<layers::Category> mine{{"Peshmerga", "Peshmerga", "#123456", layers::FillPattern::solid}};
    const std::string m = layers::control_changes(mine).style_qml;
    CHECK(contains(m, "attr=\"controller_to\""));
    CHECK(contains(m, "value=\"Peshmerga\""));
    CHECK(contains(m, "18,52,86,"));
    CHECK(contains(m, "styleCategories=\"Symbology|Labeling|Temporal\""));
    CHECK_FALSE(contains(m, "Syrian army"));
}

TEST_CASE("style builders check their input", "[export]") {
    const std::vector<layers::Category> bad{{"x", "x", "red", layers::FillPattern::solid}};
    CHECK_THROWS_AS(layers::categorized_fill_qml("f", bad, 0.5), UsageError);
    CHECK_THROWS_AS(layers::categorized_fill_qml("f", {{"x", "x", "#12345", layers::FillPattern::solid}}, 0.5), UsageError);
    CHECK_THROWS_AS(layers::categorized_fill_qml("f", {{"x", "x", "#1234567", layers::FillPattern::solid}}, 0.5), UsageError);
    CHECK_THROWS_AS(layers::categorized_fill_qml("f", {}, 0.5), UsageError);
    CHECK_THROWS_AS(layers::categorized_fill_qml("f", {{"x", "x", "#123456", layers::FillPattern::solid}}, 1.5), UsageError);
    CHECK_THROWS_AS(layers::labelled_marker_qml("grey", "name"), UsageError);
    // Values are XML-escaped.
    const std::string q = layers::categorized_fill_qml("f", {{"a<b & \"c\"", "l", "#000000", layers::FillPattern::solid}}, 1);
    CHECK(contains(q, "value=\"a&lt;b &amp; &quot;c&quot;\""));
}

TEST_CASE("the Shapefile variant of a style renames fields and adds aliases", "[export]") {
    LayerSchema s;
    s.name = "t";
    s.fields = {{"controller_to", "ctrl_to", FieldType::string, ""}, {"casualties", "casualties", FieldType::integer, ""},
                {"killed_or_wounded", "kill_wound", FieldType::integer, ""}};
    const std::string qml = layers::categorized_marker_qml(
        "controller_to", {{"a", "a", "#000000", layers::FillPattern::solid}},
        "coalesce(\"killed_or_wounded\", 0) + \"casualties\"", "killed_or_wounded");
    const std::string shp = vector_io::detail::qml_for_shapefile(qml, s);
    CHECK(contains(shp, "attr=\"ctrl_to\""));
    CHECK(contains(shp, "coalesce(&quot;kill_wound&quot;, 0) + &quot;casualties&quot;"));
    CHECK(contains(shp, "<orderByClause asc=\"0\" nullsFirst=\"0\">&quot;kill_wound&quot;</orderByClause>"));
    CHECK(contains(shp, "<alias field=\"kill_wound\" index=\"2\" name=\"killed_or_wounded\"/>"));
    CHECK(contains(shp, "styleCategories=\"Symbology|Labeling|Fields\""));
    CHECK_FALSE(contains(shp, "attr=\"controller_to\""));
}
