#pragma once
/// @file backend.hpp
/// One writer class per output format behind DatasetWriter. A backend writes
/// into the temporary output that StagedOutput prepared; DatasetWriter does
/// the usage checks, the schema validation and the final rename.

#include "reckon/export.hpp"

#include <memory>
#include <string>
#include <vector>

namespace reckon::vector_io::detail {

class FormatBackend {
public:
    virtual ~FormatBackend() = default;
    /// Create the layer (or, appending, open and check it). The schema is validated.
    virtual void add_layer(const LayerSchema& schema) = 0;
    /// Write into layer number @p layer (in the order added).
    virtual void write(std::size_t layer, const std::vector<OutFeature>& features, WriteStats& stats) = 0;
    /// Flush, write styles, indexes and side files, and close: the
    /// temporary output is complete when this returns. Throws IoError.
    virtual void finish() = 0;
};

/// GeoPackage at @p temp_path (a copy of the existing file when @p existing).
/// @p output is the final path, for messages.
std::unique_ptr<FormatBackend> make_gpkg_backend(const std::string& temp_path, const std::string& output, bool existing);

/// Shapefile, GeoJSON or CSV: one file (set) per layer in the directory @p temp_dir.
std::unique_ptr<FormatBackend> make_file_set_backend(VectorFormat format, const std::string& temp_dir,
                                                     const std::string& output);

} // namespace reckon::vector_io::detail
