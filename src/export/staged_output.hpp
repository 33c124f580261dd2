#pragma once
/// @file staged_output.hpp
/// Atomic replacement of an output file or directory: everything is written
/// to a temporary path beside the output, which commit() moves into place.
/// No GDAL here: this is plain file-system policy, shared by every format.

#include "reckon/export.hpp"  // WriteMode

#include <string>

namespace reckon::vector_io::detail {

/// Whether the output is one file (GeoPackage) or a directory of files.
enum class OutputKind { file, directory };

/// A temporary output beside @p path that replaces it on commit().
///
/// The constructor checks the mode against what is on disk (IoError):
/// create refuses an existing output; overwrite refuses to replace a
/// directory by a file or the reverse, and a directory holding anything but
/// the layer files reckon writes (so a mistyped path never deletes a
/// directory of other data); append needs a GeoPackage (or nothing, then it
/// creates) and copies it to the temporary file. The directory that will
/// hold the output must exist and be writable.
class StagedOutput {
public:
    /// @param[in] path   the final output
    /// @param[in] kind   file or directory
    /// @param[in] mode   create, overwrite or append (append: kind file only)
    /// @param[in] hint   added to the "exists" message, e.g. "use --overwrite to replace it"
    StagedOutput(std::string path, OutputKind kind, WriteMode mode, const std::string& hint);
    /// Removes the temporary output unless commit() succeeded.
    ~StagedOutput();
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    const std::string& path() const noexcept { return m_path; }
    /// Where to write: a file path (kind file) or an existing empty directory.
    const std::string& temp_path() const noexcept { return m_temp; }
    /// True when append mode found an existing GeoPackage (copied to temp_path()).
    bool appending() const noexcept { return m_appending; }

    /// Flush the temporary output to disk and move it into place. A file is
    /// renamed over the output (atomic). A directory output that exists is
    /// first renamed aside, the new one renamed in, then the old one removed;
    /// if the second rename fails the old one is put back. Throws IoError,
    /// leaving the previous output in place.
    void commit();

private:
    void remove_temp() noexcept;

    std::string m_path;
    OutputKind m_kind;
    std::string m_temp;
    bool m_appending = false;
    bool m_committed = false;
};

/// True if @p path starts with the SQLite header and carries the GeoPackage
/// application_id ("GPKG", or "GP10"/"GP11" of GeoPackage 1.0/1.1).
bool is_geopackage_file(const std::string& path);

/// Signature of std::rename.
using RenameHook = int (*)(const char* from, const char* to);

namespace testing {
/// Replace the rename StagedOutput::commit() uses (nullptr: std::rename), so
/// tests can make one step of a commit fail. Returns the previous hook.
RenameHook set_rename_hook(RenameHook hook) noexcept;
} // namespace testing

} // namespace reckon::vector_io::detail
