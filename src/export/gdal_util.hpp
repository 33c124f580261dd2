#pragma once
/// @file gdal_util.hpp
/// GDAL/OGR plumbing shared by the reader and the writers in src/export (the
/// only module that includes GDAL headers): one-time registration, RAII
/// owners for C API handles, an error handler that keeps GDAL's messages off
/// stderr, and creation-option lists.

#include "reckon/export.hpp"  // GeometryKind

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>
#include <string>
#include <vector>

namespace reckon::vector_io::detail {

/// GDALAllRegister() once per process, plus the configuration options reckon relies on.
void register_gdal_once();

struct DatasetCloser {
    void operator()(void* ds) const noexcept {
        if (ds) GDALClose(ds);
    }
};
struct SrsReleaser {
    void operator()(void* s) const noexcept {
        if (s) OSRRelease(static_cast<OGRSpatialReferenceH>(s));
    }
};
struct TransformDestroyer {
    void operator()(void* t) const noexcept {
        if (t) OCTDestroyCoordinateTransformation(static_cast<OGRCoordinateTransformationH>(t));
    }
};
struct FeatureDestroyer {
    void operator()(void* f) const noexcept {
        if (f) OGR_F_Destroy(static_cast<OGRFeatureH>(f));
    }
};
struct GeometryDestroyer {
    void operator()(void* g) const noexcept {
        if (g) OGR_G_DestroyGeometry(static_cast<OGRGeometryH>(g));
    }
};
struct FieldDefnDestroyer {
    void operator()(void* f) const noexcept {
        if (f) OGR_Fld_Destroy(static_cast<OGRFieldDefnH>(f));
    }
};

using DatasetPtr = std::unique_ptr<void, DatasetCloser>;
using SrsPtr = std::unique_ptr<void, SrsReleaser>;
using TransformPtr = std::unique_ptr<void, TransformDestroyer>;
using FeaturePtr = std::unique_ptr<void, FeatureDestroyer>;
using GeometryPtr = std::unique_ptr<void, GeometryDestroyer>;
using FieldDefnPtr = std::unique_ptr<void, FieldDefnDestroyer>;

inline OGRSpatialReferenceH srs(const SrsPtr& p) noexcept { return static_cast<OGRSpatialReferenceH>(p.get()); }
inline OGRFeatureH feature(const FeaturePtr& p) noexcept { return static_cast<OGRFeatureH>(p.get()); }
inline OGRGeometryH geometry(const GeometryPtr& p) noexcept { return static_cast<OGRGeometryH>(p.get()); }

/// EPSG:4326 with longitude/latitude axis order (OAMS_TRADITIONAL_GIS_ORDER),
/// the order every reckon layer uses.
SrsPtr wgs84();

/// The OGR geometry type of a layer kind (wkbNone for none).
OGRwkbGeometryType ogr_geometry_type(GeometryKind kind) noexcept;

/// ": <message>" of the last GDAL error on this thread, "" if there is none.
std::string last_cpl_error();

/// While alive, GDAL messages of this thread go to this object instead of
/// stderr (a library must not print). CPLGetLastErrorMsg() keeps working.
class ErrorCapture {
public:
    ErrorCapture();
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;
    /// Warnings and errors seen so far, oldest first (at most max_messages).
    const std::vector<std::string>& messages() const noexcept { return m_messages; }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum number, const char* message);
    static constexpr std::size_t max_messages = 100;
    std::vector<std::string> m_messages;
};

/// Sets a GDAL configuration option for this thread while alive, then
/// restores the previous value.
class ScopedConfigOption {
public:
    ScopedConfigOption(const char* key, const char* value);
    ~ScopedConfigOption();
    ScopedConfigOption(const ScopedConfigOption&) = delete;
    ScopedConfigOption& operator=(const ScopedConfigOption&) = delete;

private:
    std::string m_key;
    std::string m_old;
    bool m_had_old = false;
};

/// True for a real proleptic Gregorian calendar date (leap years respected).
bool is_calendar_date(int year, int month, int day) noexcept;
/// "2020-02-16"
std::string iso_date(int year, int month, int day);
/// ISO 8601 from OGR's date-time parts: "2020-02-16T10:20:30Z",
/// "2020-02-16T10:20:30.500+03:00"; no zone suffix for OGR's unknown (0) or
/// local (1) time-zone flags, "Z" for 100, else the offset (flag - 100) x 15 min.
std::string iso_datetime(int year, int month, int day, int hour, int minute, float second, int tz_flag);

/// A NULL-terminated "KEY=VALUE" list for GDAL creation/open options.
class Options {
public:
    Options& set(const std::string& key, const std::string& value);
    /// Valid until the next set() or the end of this object.
    char** get() noexcept;

private:
    std::vector<std::string> m_items;
    std::vector<char*> m_ptrs;
};

} // namespace reckon::vector_io::detail
