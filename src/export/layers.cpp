// The layer schemas and styles reckon writes. The README's layer table is
// written from these FieldDef docs; keep names stable (callers fill fields by
// name) and Shapefile names at most 10 characters.

#include "export/layers.hpp"

#include "reckon/report.hpp"

namespace reckon::layers {

namespace {

using T = FieldType;

// Incident markers: diameter from 2.4 mm (no or unknown casualties) to 9 mm
// (50 or more), by QGIS's scale_exp with exponent 0.57, Flannery's (1971)
// correction for how the eye judges circle areas, the exponent QGIS's own
// size assistant uses for "Flannery" scaling.
constexpr double incident_marker_min_mm = 2.4;
constexpr double incident_marker_max_mm = 9.0;
constexpr int incident_casualties_at_max = 50;
constexpr double flannery_exponent = 0.57;

// Fill opacities: uncertainty areas overlap a lot and must not hide the map;
// control areas are the background of a map.
constexpr double incident_area_opacity = 0.25;
constexpr double control_area_opacity = 0.45;
constexpr double control_change_opacity = 0.6;
// Controllers the caller gave no colour for (ColorBrewer "Greys").
constexpr const char* other_controller_colour = "#bdbdbd";

constexpr const char* place_marker_colour = "#404040";

// The palette of event types follows report.hpp's EventType; a new type
// must get a colour here (and a line in the README).
static_assert(static_cast<int>(EventType::other) == 14, "update event_type_categories() for the new EventType");

std::string location_status_doc() {
    return "how the location phrase resolved: ok, unresolved, ambiguous, inconsistent, error, none "
           "(no location phrase)";
}

} // namespace

std::vector<Category> event_type_categories() {
    // Violence against people in warm colours (bombs red, direct fire
    // orange/brown, indirect fire purple, air black), actions against
    // people in blues, control of ground in greens.
    return {
        {"ied", "IED", "#e41a1c", FillPattern::solid},
        {"suicide_attack", "Suicide attack", "#7f0000", FillPattern::solid},
        {"armed_attack", "Armed attack", "#ff7f00", FillPattern::solid},
        {"gunfire", "Gunfire", "#fdbf6f", FillPattern::solid},
        {"sniper_fire", "Sniper fire", "#b15928", FillPattern::solid},
        {"rocket_missile", "Rocket or missile", "#6a3d9a", FillPattern::solid},
        {"mortar", "Mortar", "#cab2d6", FillPattern::solid},
        {"airstrike_shelling", "Airstrike or shelling", "#252525", FillPattern::solid},
        {"shoot_down", "Aircraft shot down", "#b2df8a", FillPattern::solid},
        {"execution", "Execution", "#f781bf", FillPattern::solid},
        {"arrest", "Arrest", "#1f78b4", FillPattern::solid},
        {"abduction", "Abduction", "#a6cee3", FillPattern::solid},
        {"takeover", "Takeover", "#33a02c", FillPattern::solid},
        {"displacement", "Displacement", "#01665e", FillPattern::solid},
        {"other", "Other", "#999999", FillPattern::solid},
        {"", "Unknown", "#d9d9d9", FillPattern::solid},
    };
}

std::string incident_size_expression() {
    const auto n = [](double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    };
    return "scale_exp(coalesce(\"casualties\", 0), 0, " + std::to_string(incident_casualties_at_max) + ", " +
           n(incident_marker_min_mm) + ", " + n(incident_marker_max_mm) + ", " + n(flannery_exponent) + ")";
}

LayerSchema incidents() {
    LayerSchema s;
    s.name = "incidents";
    s.geometry = GeometryKind::point;
    s.key_field = "incident_id";
    s.description = "Incidents read from reports, one point per incident at its resolved location "
                    "(no geometry when the location did not resolve). EPSG:4326.";
    s.fields = {
        {"incident_id", "inc_id", T::string,
         "stable id: a hash of the report file name and the incident's normalised text (re-runs give the same id)"},
        {"event_date", "event_date", T::date, "date of the event (the first day of a span)"},
        {"date_end", "date_end", T::date,
         "last day of a span (\"February 12-14\"; the report period's end for undated incidents); NULL one day"},
        {"date_basis", "date_basis", T::string,
         "how event_date was found: explicit, relative (\"a day earlier\"), report_period, none"},
        {"event_type", "event_type", T::string,
         "ied, sniper_fire, gunfire, rocket_missile, mortar, armed_attack, suicide_attack, "
         "airstrike_shelling, arrest, abduction, execution, takeover, shoot_down, displacement, other"},
        {"other_types", "oth_types", T::string,
         "further event types the text reports, separated by \",\" (an abduction with an execution); NULL none"},
        {"perpetrator", "perpetrtr", T::string, "canonical actor that acted (\"ISIS\", \"SDF\", \"Syrian army\"); NULL unknown"},
        {"perpetrator_basis", "perp_basis", T::string,
         "text (named in the incident) or section (taken from its heading or introduction); NULL no perpetrator"},
        {"target", "target", T::string, "canonical actor or description of the target; NULL unknown"},
        {"killed", "killed", T::integer, "people killed as reported (a lower bound with \"at least\"); NULL not stated"},
        {"wounded", "wounded", T::integer, "people wounded as reported; NULL not stated"},
        {"killed_or_wounded", "kill_wound", T::integer,
         "people \"killed or wounded\" when the report does not split them; NULL not stated"},
        {"casualties", "casualties", T::integer,
         "killed + wounded + killed_or_wounded, of the counts that are known (0 when none is)"},
        {"casualty_note", "cas_note", T::string,
         "qualifiers of the counts: \"at least\", \"several\" (a nonzero number not given); NULL none"},
        {"location_phrase", "loc_phrase", T::string,
         "the location phrase that was resolved (\"14 km north of Al-Mayadeen\")"},
        {"location_status", "loc_status", T::string, location_status_doc()},
        {"section", "section", T::string, "nearest heading of the report (\"Diyala Province\")"},
        {"section_path", "sect_path", T::string,
         "the headings above the incident, outermost first, separated by \" > \" (\"The Iraqi arena > ISIS activity > "
         "Diyala Province\")"},
        {"source", "source", T::string, "source the report cites (\"Telegram\"); NULL none"},
        {"source_date", "src_date", T::date, "date of the cited source"},
        {"report", "report", T::string, "report file the incident was read from"},
        {"paragraph", "paragraph", T::integer, "1-based index of the report block the incident came from"},
        {"offset_begin", "off_begin", T::integer, "byte offset of the incident text in the report's plain text"},
        {"offset_end", "off_end", T::integer, "byte offset just past the incident text"},
        {"line", "line", T::integer, "1-based line of offset_begin in the report's plain text"},
        {"text", "text", T::string, "the incident's sentence(s) (Shapefile: cut to 254 bytes)"},
        {"messages", "messages", T::string, "resolver and extraction messages, separated by \"; \""},
        {"place_id", "place_id", T::string, "gazetteer id of the anchor place (\"geonames:170794\")"},
        {"place_name", "place_name", T::string, "name of the anchor place"},
        {"place_name_ar", "place_ar", T::string, "Arabic name of the anchor place"},
        {"uncertainty_m", "uncert_m", T::real,
         "radius (metres) of the circle around the point that should contain the true location"},
        {"ucdp_where_prec", "ucdp_prec", T::integer, "UCDP GED where_prec code (1 exact .. 7 country/waters)"},
        {"acled_geo_precision", "acled_prec", T::integer, "ACLED geo_precision code (1 town .. 3 region)"},
    };
    s.style_qml = categorized_marker_qml("event_type", event_type_categories(), incident_size_expression(), "casualties");
    return s;
}

LayerSchema incident_areas() {
    LayerSchema s;
    s.name = "incident_areas";
    s.geometry = GeometryKind::polygon;
    s.key_field = "incident_id";
    s.description = "Uncertainty area of each located incident: the region that should contain its true "
                    "location. EPSG:4326.";
    s.fields = {
        {"incident_id", "inc_id", T::string, "id of the incident (incidents.incident_id)"},
        {"event_date", "event_date", T::date, "date of the event"},
        {"event_type", "event_type", T::string, "event type (as in incidents)"},
        {"location_phrase", "loc_phrase", T::string, "the location phrase that was resolved"},
        {"location_status", "loc_status", T::string, location_status_doc()},
        {"uncertainty_m", "uncert_m", T::real, "radius (metres) of the circle that should contain the location"},
        {"area_km2", "area_km2", T::real, "area of the polygon (square kilometres, geodesic)"},
    };
    s.style_qml = categorized_fill_qml("event_type", event_type_categories(), incident_area_opacity);
    return s;
}

LayerSchema places() {
    LayerSchema s;
    s.name = "places";
    s.geometry = GeometryKind::point;
    s.key_field = "place_id";
    s.description = "Gazetteer places the incidents are located by (their anchors). EPSG:4326.";
    s.fields = {
        {"place_id", "place_id", T::string, "stable gazetteer id (\"geonames:170794\", \"curated:al-hol-camp\")"},
        {"name", "name", T::string, "primary name"},
        {"name_ar", "name_ar", T::string, "Arabic-script name; NULL unknown"},
        {"feature_code", "feat_code", T::string, "GeoNames feature code (PPL, PPLA, ADM1, ...)"},
        {"country", "country", T::string, "ISO 3166-1 alpha-2 country code"},
        {"admin1", "admin1", T::string, "GeoNames admin1 code; NULL unknown"},
        {"population", "population", T::integer64, "population (GeoNames); NULL unknown"},
        {"incident_count", "inc_count", T::integer, "incidents in this dataset anchored at the place"},
    };
    s.style_qml = labelled_marker_qml(place_marker_colour, "name");
    return s;
}

LayerSchema control_areas(const std::vector<Category>& controllers) {
    LayerSchema s;
    s.name = "control_areas";
    s.geometry = GeometryKind::multipolygon;
    s.key_field = "area_id";
    s.description = "Who controls the ground, from a baseline map and takeover events. EPSG:4326.";
    s.fields = {
        {"area_id", "area_id", T::string, "stable id of the area"},
        {"controller", "controller", T::string,
         "actor holding the area, as the colours file names it (\"Syrian army\", \"HTS\", \"rebels\", \"SDF\", "
         "\"ISIS\", \"Turkish forces\", ...); \"unknown\" without evidence"},
        {"as_of", "as_of", T::date, "date the map describes"},
        {"valid_from", "valid_from", T::date, "first day of this snapshot (the as_of date)"},
        {"valid_to", "valid_to", T::date, "last day before the next snapshot (inclusive); NULL for the last snapshot"},
        {"area_km2", "area_km2", T::real, "area (square kilometres, geodesic)"},
        {"evidence_count", "evid_count", T::integer, "evidence items (incidents, table rows) behind the area's places"},
        {"first_evidence", "first_evid", T::date, "date of the earliest evidence"},
        {"last_evidence", "last_evid", T::date, "date of the latest evidence"},
        {"contested", "contested", T::integer, "1 where fighting, conflicting evidence or repeated changes were reported within the contest window, else 0"},
        {"method", "method", T::string, "voronoi (settlement cells dissolved) or baseline (the baseline map with changed cells replaced)"},
    };
    // classified on controller plus the contested flag: contested parts are
    // hatched in their controller's colour
    std::vector<Category> classes;
    for (const Category& c : controllers) {
        classes.push_back({c.value, c.label, c.colour, FillPattern::solid});
        classes.push_back({c.value + contested_class_suffix, c.label + contested_class_suffix, c.colour,
                           FillPattern::hatched});
    }
    classes.push_back({"", "Other", other_controller_colour, FillPattern::solid});
    const std::string expression =
        std::string("\"controller\" || if(\"contested\" = 1, '") + contested_class_suffix + "', '')";
    s.style_qml = with_temporal_fields(categorized_fill_qml(expression, classes, control_area_opacity), "valid_from",
                                       "valid_to");
    return s;
}

LayerSchema control_changes(const std::vector<Category>& controllers) {
    LayerSchema s;
    s.name = "control_changes";
    s.geometry = GeometryKind::multipolygon;
    s.key_field = "change_id";
    s.description = "Ground that changed hands between two dates, coloured by the new controller. EPSG:4326.";
    s.fields = {
        {"change_id", "change_id", T::string, "stable id of the change"},
        {"controller_from", "ctrl_from", T::string, "controller before the change"},
        {"controller_to", "ctrl_to", T::string, "controller after the change"},
        {"valid_from", "valid_from", T::date, "date of the earliest evidence of the change"},
        {"valid_to", "valid_to", T::date, "date of the latest evidence of the change"},
        {"area_km2", "area_km2", T::real, "area that changed hands (square kilometres, geodesic)"},
        {"incident_ids", "inc_ids", T::string, "incident_id values of the evidence, separated by \",\""},
        {"place_ids", "place_ids", T::string, "place_id values of the places taken, separated by \",\""},
        {"evidence_count", "evid_count", T::integer, "evidence items behind the change"},
    };
    std::vector<Category> classes;
    for (const Category& c : controllers) classes.push_back({c.value, c.label, c.colour, FillPattern::solid});
    classes.push_back({"", "Other", other_controller_colour, FillPattern::solid});
    s.style_qml = with_temporal_fields(categorized_fill_qml("controller_to", classes, control_change_opacity),
                                       "valid_from", "valid_to");
    return s;
}

std::vector<LayerSchema> all(const std::vector<Category>& controllers) {
    return {incidents(), incident_areas(), places(), control_areas(controllers), control_changes(controllers)};
}

} // namespace reckon::layers
