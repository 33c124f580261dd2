#pragma once
/// @file qml.hpp
/// Internals of the QGIS style (QML) documents: XML escaping and the
/// Shapefile variant of a style (field references renamed to the
/// 10-character Shapefile names, with the full names as QGIS aliases).

#include "reckon/export.hpp"

#include <string>

namespace reckon::vector_io::detail {

/// @p s escaped for an XML attribute value or text (& < > " ').
std::string xml_escape(const std::string& s);

/// @p qml with every reference to a field whose Shapefile name differs from
/// its full name (attr="...", field="...", fieldName="..." and
/// &quot;name&quot; in expressions) renamed to the Shapefile name, and an
/// <aliases> section giving each Shapefile field its full name as alias.
std::string qml_for_shapefile(const std::string& qml, const LayerSchema& schema);

} // namespace reckon::vector_io::detail
