#pragma once
/// @file layers.hpp
/// The layers reckon writes: schemas (field names, types, 10-character
/// Shapefile names, one-line docs for the README) and their QGIS styles.
/// Field names are a contract (README "GIS export"): code filling a layer
/// finds fields by these names.
///
/// Styles are QML documents that QGIS 3.22 (Debian 12) and later apply as
/// a layer's default style; DatasetWriter stores them in the GeoPackage's
/// layer_styles table, or as NAME.qml beside a Shapefile/GeoJSON/CSV file.

#include "reckon/export.hpp"

#include <string>
#include <vector>

namespace reckon::layers {

// ---------------------------------------------------------------------------
// Style builders
// ---------------------------------------------------------------------------

enum class FillPattern {
    solid,   ///< filled with the colour at the style's opacity
    hatched  ///< a light fill crossed by opaque diagonal lines (contested ground)
};

/// One class of a categorized style.
struct Category {
    std::string value;   ///< attribute value; "" is QGIS's "all other values" (NULL included)
    std::string label;   ///< legend text
    std::string colour;  ///< "#rrggbb"
    FillPattern pattern = FillPattern::solid;  ///< polygons only
};

/// Polygons coloured by @p field: a fill of each category's colour at
/// @p opacity (0..1) with an opaque outline of the same hue, darker.
/// Throws UsageError for a colour that is not "#rrggbb" or an opacity
/// outside 0..1.
std::string categorized_fill_qml(const std::string& field, const std::vector<Category>& categories, double opacity);

/// Points coloured by @p field, circles with a dark outline. Their diameter
/// (millimetres) is @p size_expression, a QGIS expression ("" for a fixed
/// size); @p order_by_desc, when not empty, is a field drawn in descending
/// order so that small markers stay on top of large ones.
std::string categorized_marker_qml(const std::string& field, const std::vector<Category>& categories,
                                   const std::string& size_expression, const std::string& order_by_desc);

/// One marker style for every point, labelled with @p label_field.
std::string labelled_marker_qml(const std::string& colour, const std::string& label_field);

/// @p qml with QGIS temporal properties (QGIS 3.22 QgsVectorLayerTemporalProperties):
/// each feature is shown from the date in @p start_field to the date in
/// @p end_field inclusive (open-ended when NULL), so the Temporal Controller animates it.
std::string with_temporal_fields(std::string qml, const std::string& start_field, const std::string& end_field);

// ---------------------------------------------------------------------------
// Colours
// ---------------------------------------------------------------------------

/// One category per reckon event type (report.hpp EventType, its
/// to_string() values), each with its own colour, plus "other".
std::vector<Category> event_type_categories();

/// Controller colours are not defined here: they come from the control
/// module's colours file (reckon::ControllerTable, src/control), the one
/// table of them, and are passed to control_areas() / control_changes().

// ---------------------------------------------------------------------------
// Layer schemas
// ---------------------------------------------------------------------------

/// Marker diameter of an incident, by "casualties" (QGIS scale_exp with
/// Flannery's exponent, so the marker area reads as the count).
std::string incident_size_expression();

/// incidents (points, key incident_id): one row per incident from a report,
/// placed at its resolved location (NULL geometry when unresolved);
/// categorized by event_type, marker size by casualties.
LayerSchema incidents();
/// incident_areas (polygons, key incident_id): the uncertainty area of each
/// located incident; semi-transparent fills by event_type.
LayerSchema incident_areas();
/// places (points, key place_id): gazetteer places incidents refer to;
/// markers labelled with name.
LayerSchema places();
/// control_areas (multipolygons, key area_id): who controls the ground,
/// filled in each controller's colour (@p controllers: value = controller,
/// label, colour; the pattern is ignored), contested parts hatched in the
/// same colour, anything else grey; temporal from valid_from to valid_to.
LayerSchema control_areas(const std::vector<Category>& controllers);
/// control_changes (multipolygons, key change_id): ground that changed
/// hands, coloured by controller_to with @p controllers; temporal as above.
LayerSchema control_changes(const std::vector<Category>& controllers);

/// The suffix a contested part's class carries in the control_areas style.
inline constexpr const char* contested_class_suffix = " (contested)";

/// All of the above in that order, the control layers coloured with @p controllers.
std::vector<LayerSchema> all(const std::vector<Category>& controllers);

} // namespace reckon::layers
