#include "export/gdal_util.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace reckon::vector_io::detail {

void register_gdal_once() {
    static std::once_flag flag;
    std::call_once(flag, [] {
        GDALAllRegister();
        // Large GeoJSON boundary files: no object size limit when reading.
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
    });
}

SrsPtr wgs84() {
    SrsPtr s(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(srs(s), 4326);
    OSRSetAxisMappingStrategy(srs(s), OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

OGRwkbGeometryType ogr_geometry_type(GeometryKind kind) noexcept {
    switch (kind) {
    case GeometryKind::none: return wkbNone;
    case GeometryKind::point: return wkbPoint;
    case GeometryKind::polygon: return wkbPolygon;
    case GeometryKind::multipolygon: return wkbMultiPolygon;
    }
    return wkbUnknown;
}

std::string last_cpl_error() {
    const char* msg = CPLGetLastErrorMsg();
    return msg && *msg ? std::string(": ") + msg : std::string();
}

ErrorCapture::ErrorCapture() { CPLPushErrorHandlerEx(&ErrorCapture::handler, this); }

ErrorCapture::~ErrorCapture() { CPLPopErrorHandler(); }

void CPL_STDCALL ErrorCapture::handler(CPLErr level, CPLErrorNum /*number*/, const char* message) {
    if (level == CE_Debug) return;
    auto* self = static_cast<ErrorCapture*>(CPLGetErrorHandlerUserData());
    if (self && self->m_messages.size() < max_messages) self->m_messages.emplace_back(message ? message : "");
}

ScopedConfigOption::ScopedConfigOption(const char* key, const char* value) : m_key(key) {
    if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr)) {
        m_old = old;
        m_had_old = true;
    }
    CPLSetThreadLocalConfigOption(key, value);
}

ScopedConfigOption::~ScopedConfigOption() {
    CPLSetThreadLocalConfigOption(m_key.c_str(), m_had_old ? m_old.c_str() : nullptr);
}

bool is_calendar_date(int year, int month, int day) noexcept {
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last = month == 2 && leap ? 29 : days_in_month[month - 1];
    return day <= last;
}

std::string iso_date(int year, int month, int day) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string iso_datetime(int year, int month, int day, int hour, int minute, float second, int tz_flag) {
    char buf[64];
    const long total_ms = std::lround(static_cast<double>(second) * 1000.0);
    const int sec = static_cast<int>(total_ms / 1000);
    const int millis = static_cast<int>(total_ms % 1000);
    if (millis != 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d", year, month, day, hour, minute, sec, millis);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, sec);
    }
    std::string s = buf;
    // OGR's TZFlag: 0 unknown, 1 local time, 100 UTC, 100 +/- n: offset of n quarter hours.
    constexpr int tz_utc = 100;
    constexpr int minutes_per_step = 15;
    if (tz_flag == tz_utc) {
        s += 'Z';
    } else if (tz_flag > 1) {
        const int offset_min = (tz_flag - tz_utc) * minutes_per_step;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_min < 0 ? '-' : '+', std::abs(offset_min) / 60,
                      std::abs(offset_min) % 60);
        s += buf;
    }
    return s;
}

Options& Options::set(const std::string& key, const std::string& value) {
    m_items.push_back(key + "=" + value);
    return *this;
}

char** Options::get() noexcept {
    m_ptrs.clear();
    for (auto& s : m_items) m_ptrs.push_back(s.data());
    m_ptrs.push_back(nullptr);
    return m_ptrs.data();
}

} // namespace reckon::vector_io::detail
