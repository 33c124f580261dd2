#pragma once
/// @file layer_writer.hpp
/// Writing OutFeatures into one open OGR layer, shared by every format:
/// schema checks, field creation (or, when appending, checking and
/// extending the fields already there), value and geometry conversion with
/// InputErrors that name the layer and feature, and de-duplication by key.

#include "export/gdal_util.hpp"
#include "export/schema.hpp"
#include "reckon/export.hpp"

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

namespace reckon::vector_io::detail {

/// Writes into one OGR layer (which it does not own).
class LayerWriter {
public:
    /// @param[in] layer   an open OGR layer (created empty, or existing when appending)
    /// @param[in] schema  the schema (validated)
    /// @param[in] rules   how the format stores fields
    /// @param[in] output  the output path, for messages
    LayerWriter(OGRLayerH layer, LayerSchema schema, FormatRules rules, std::string output);
    LayerWriter(const LayerWriter&) = delete;
    LayerWriter& operator=(const LayerWriter&) = delete;

    /// Create the schema's fields on a new layer. Throws IoError.
    void create_fields();
    /// Existing layer (append): check its geometry type, CRS and field types
    /// against the schema, add the schema's fields it lacks, and read the keys
    /// it holds. Throws IoError on a mismatch.
    void open_existing();

    /// Write features [begin, end) of @p features. Features whose key was
    /// written before (or was in the layer) are skipped and counted. Throws
    /// InputError naming the layer and the feature index in @p features;
    /// features before it have been written.
    void write(const std::vector<OutFeature>& features, std::size_t begin, std::size_t end, WriteStats& stats);

    const LayerSchema& schema() const noexcept { return m_schema; }
    OGRLayerH layer() const noexcept { return m_layer; }

private:
    struct Binding {
        int ogr_index = -1;
        OGRFieldType stored = OFTString;  ///< the OGR type the value is written as
    };
    [[noreturn]] void fail(std::size_t index, const std::string& key, const std::string& detail) const;
    [[noreturn]] void fail_type(std::size_t index, const std::string& key, const FieldDef& def,
                                const FieldValue& value) const;
    std::string key_of(const OutFeature& f, std::size_t index) const;
    void set_field(OGRFeatureH fh, std::size_t field, const FieldValue& value, std::size_t index,
                   const std::string& key, WriteStats& stats) const;
    OGRGeometryH make_geometry(const std::string& wkt, std::size_t index, const std::string& key) const;
    OGRFieldType stored_type(FieldType t) const noexcept;

    OGRLayerH m_layer;
    LayerSchema m_schema;
    FormatRules m_rules;
    std::string m_output;
    std::vector<Binding> m_bindings;  ///< one per schema field
    int m_key = -1;                   ///< schema index of the key field
    std::unordered_set<std::string> m_keys;
    FeaturePtr m_feature;             ///< reused for every feature
};

} // namespace reckon::vector_io::detail
