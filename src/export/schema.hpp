#pragma once
/// @file schema.hpp
/// Schema rules shared by the format writers (no GDAL here): how a format
/// stores fields, the stored name of a field, and schema validation.

#include "reckon/export.hpp"

#include <cstddef>
#include <string>

namespace reckon::vector_io::detail {

/// How a format stores fields.
struct FormatRules {
    bool shapefile_names = false;      ///< use FieldDef::shp_name (≤10 characters)
    std::size_t max_string_bytes = 0;  ///< longer strings are cut at a UTF-8 boundary (0: no limit)
    bool date_as_text = false;         ///< write dates as ISO text (CSV: OGR would write 2020/02/16)
    bool datetime_as_text = false;     ///< write date-times as ISO 8601 text (Shapefile, CSV)
    bool fixed_width_numbers = false;  ///< dBASE: numbers need widths wide enough for their range
};

/// The name a field gets in a format: shp_name (or name, when it is empty
/// and short enough) for Shapefiles, name otherwise.
std::string stored_field_name(const FieldDef& field, const FormatRules& rules);

/// Check @p schema for @p format: a layer name of letters, digits and
/// underscores (not a GeoPackage system name); unique, non-empty field names
/// that are not the GeoPackage fid/geom columns; a key field of string or
/// integer type when one is named; for Shapefiles, Shapefile names of at most
/// 10 characters, unique in the layer. Throws UsageError naming the layer
/// and the field.
void validate_schema(const LayerSchema& schema, VectorFormat format);

} // namespace reckon::vector_io::detail
