#include "export/layer_writer.hpp"

#include "reckon/error.hpp"

#include <cpl_string.h>
#include <ogr_core.h>

#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>

namespace reckon::vector_io::detail {

namespace {

// Shapefile (dBASE III) field names: at most 10 characters (ESRI Shapefile
// Technical Description, 1998, and the dBASE field descriptor's 11-byte,
// NUL-terminated name).
constexpr std::size_t shapefile_name_max = 10;

// dBASE numeric field widths (characters, sign included): -2147483648 has
// 11; GDAL reads a numeric field wider than 18 characters as Real (GDAL
// Shapefile driver documentation), so 64-bit integers get 18 and must fit
// in them; reals get 10 decimals in 24 characters.
constexpr int dbf_int32_width = 11;
constexpr int dbf_int64_width = 18;
constexpr std::int64_t dbf_int64_max = 999999999999999999;   // 18 digits
constexpr std::int64_t dbf_int64_min = -99999999999999999;   // sign + 17 digits
constexpr int dbf_real_width = 24;
constexpr int dbf_real_decimals = 10;

// Column names the GeoPackage writer uses for the feature id and geometry.
constexpr const char* gpkg_fid_column = "fid";
constexpr const char* gpkg_geometry_column = "geom";

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_identifier(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (unsigned char c : s) {
        if (!(std::isalnum(c) || c == '_')) return false;
    }
    return true;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

const char* value_kind(const FieldValue& v) noexcept {
    switch (v.index()) {
    case 0: return "NULL";
    case 1: return "a string";
    case 2: return "an integer";
    case 3: return "a real number";
    case 4: return "a date";
    }
    return "?";
}

// Longest prefix of @p s of at most @p max bytes that ends on a UTF-8 character boundary.
std::size_t utf8_prefix(const std::string& s, std::size_t max) noexcept {
    if (s.size() <= max) return s.size();
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}


bool compatible(FieldType want, OGRFieldType have) noexcept {
    switch (want) {
    case FieldType::string: return have == OFTString;
    case FieldType::integer:
    case FieldType::integer64: return have == OFTInteger || have == OFTInteger64;
    case FieldType::real: return have == OFTReal;
    case FieldType::date: return have == OFTDate;
    case FieldType::datetime: return have == OFTDateTime;
    }
    return false;
}

} // namespace

std::string stored_field_name(const FieldDef& field, const FormatRules& rules) {
    if (!rules.shapefile_names) return field.name;
    if (field.shp_name.empty() && field.name.size() <= shapefile_name_max) return field.name;
    return field.shp_name;
}

void validate_schema(const LayerSchema& schema, VectorFormat format) {
    const std::string& L = schema.name;
    if (!is_identifier(L)) {
        throw UsageError("layer name '" + L + "': use letters, digits and underscores, not starting with a digit");
    }
    const std::string ll = lower(L);
    if (ll == "layer_styles" || starts_with(ll, "gpkg_") || starts_with(ll, "rtree_") || starts_with(ll, "sqlite_")) {
        throw UsageError("layer name '" + L + "' is reserved by GeoPackage/QGIS");
    }
    FormatRules shp;
    shp.shapefile_names = true;
    std::set<std::string> seen, seen_shp;
    bool key_found = schema.key_field.empty();
    for (const FieldDef& f : schema.fields) {
        if (!is_identifier(f.name)) {
            throw UsageError("layer " + L + ": field name '" + f.name +
                             "': use letters, digits and underscores, not starting with a digit");
        }
        const std::string lf = lower(f.name);
        if (lf == gpkg_fid_column || lf == gpkg_geometry_column) {
            throw UsageError("layer " + L + ": field name '" + f.name + "' is the GeoPackage fid/geometry column");
        }
        if (!seen.insert(lf).second) throw UsageError("layer " + L + ": field " + f.name + " appears twice");
        if (format == VectorFormat::shp) {
            const std::string s = stored_field_name(f, shp);
            if (s.empty()) throw UsageError("layer " + L + ": field " + f.name + " has no Shapefile name (shp_name)");
            if (s.size() > shapefile_name_max) {
                throw UsageError("layer " + L + ": field " + f.name + ": Shapefile name '" + s + "' is longer than " +
                                 std::to_string(shapefile_name_max) + " characters");
            }
            if (!is_identifier(s)) {
                throw UsageError("layer " + L + ": field " + f.name + ": Shapefile name '" + s +
                                 "': use letters, digits and underscores");
            }
            if (!seen_shp.insert(lower(s)).second) {
                throw UsageError("layer " + L + ": field " + f.name + ": Shapefile name '" + s +
                                 "' is used by another field of the layer");
            }
        }
        if (f.name == schema.key_field) {
            key_found = true;
            if (f.type != FieldType::string && f.type != FieldType::integer && f.type != FieldType::integer64) {
                throw UsageError("layer " + L + ": key field " + f.name + " must be a string or integer field");
            }
        }
    }
    if (!key_found) throw UsageError("layer " + L + ": key field " + schema.key_field + " is not one of its fields");
}

LayerWriter::LayerWriter(OGRLayerH layer, LayerSchema schema, FormatRules rules, std::string output)
    : m_layer(layer), m_schema(std::move(schema)), m_rules(rules), m_output(std::move(output)) {
    for (std::size_t i = 0; i < m_schema.fields.size(); ++i) {
        if (m_schema.fields[i].name == m_schema.key_field) m_key = static_cast<int>(i);
    }
    m_bindings.resize(m_schema.fields.size());
}

OGRFieldType LayerWriter::stored_type(FieldType t) const noexcept {
    switch (t) {
    case FieldType::string: return OFTString;
    case FieldType::integer: return OFTInteger;
    case FieldType::integer64: return OFTInteger64;
    case FieldType::real: return OFTReal;
    case FieldType::date: return m_rules.date_as_text ? OFTString : OFTDate;
    case FieldType::datetime: return m_rules.datetime_as_text ? OFTString : OFTDateTime;
    }
    return OFTString;
}

void LayerWriter::create_fields() {
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(m_layer);
    for (std::size_t i = 0; i < m_schema.fields.size(); ++i) {
        const FieldDef& f = m_schema.fields[i];
        const std::string name = stored_field_name(f, m_rules);
        const OGRFieldType type = stored_type(f.type);
        FieldDefnPtr fd(OGR_Fld_Create(name.c_str(), type));
        auto* h = static_cast<OGRFieldDefnH>(fd.get());
        if (m_rules.max_string_bytes > 0 && type == OFTString) {
            OGR_Fld_SetWidth(h, static_cast<int>(m_rules.max_string_bytes));
        }
        if (m_rules.fixed_width_numbers) {
            // GDAL's defaults (9 digits for integers, 24.15 for reals) overflow
            // at 1e9 and 1e8; these hold every 32/64-bit integer and reals up
            // to 1e13. The driver shrinks them to fit on close (RESIZE=YES).
            if (type == OFTInteger) OGR_Fld_SetWidth(h, dbf_int32_width);
            if (type == OFTInteger64) OGR_Fld_SetWidth(h, dbf_int64_width);
            if (type == OFTReal) {
                OGR_Fld_SetWidth(h, dbf_real_width);
                OGR_Fld_SetPrecision(h, dbf_real_decimals);
            }
        }
        if (static_cast<int>(i) == m_key) OGR_Fld_SetNullable(h, FALSE);
        if (OGR_L_CreateField(m_layer, h, FALSE) != OGRERR_NONE) {
            throw IoError(m_output + ": layer " + m_schema.name + ": cannot create field " + name + last_cpl_error());
        }
        const int idx = OGR_FD_GetFieldIndex(defn, name.c_str());
        if (idx < 0) {
            throw IoError(m_output + ": layer " + m_schema.name + ": field " + name + " was renamed by the driver");
        }
        m_bindings[i] = Binding{idx, type};
    }
}

void LayerWriter::open_existing() {
    const std::string where = m_output + ": layer " + m_schema.name;
    const OGRwkbGeometryType want = ogr_geometry_type(m_schema.geometry);
    const OGRwkbGeometryType have = wkbFlatten(OGR_L_GetGeomType(m_layer));
    if (have != want) {
        throw IoError(where + " holds " + OGRGeometryTypeToName(have) + " geometries, the schema " +
                      OGRGeometryTypeToName(want));
    }
    if (want != wkbNone) {
        const SrsPtr target = wgs84();
        OGRSpatialReferenceH s = OGR_L_GetSpatialRef(m_layer);
        if (!s || !OSRIsSameGeogCS(s, srs(target)) || OSRIsProjected(s)) {
            throw IoError(where + " is not in EPSG:4326");
        }
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(m_layer);
    for (std::size_t i = 0; i < m_schema.fields.size(); ++i) {
        const FieldDef& f = m_schema.fields[i];
        const std::string name = stored_field_name(f, m_rules);
        int idx = OGR_FD_GetFieldIndex(defn, name.c_str());
        if (idx < 0) {
            // The schema grew since the file was written: add the field (NULL in the old features).
            FieldDefnPtr fd(OGR_Fld_Create(name.c_str(), stored_type(f.type)));
            if (OGR_L_CreateField(m_layer, static_cast<OGRFieldDefnH>(fd.get()), FALSE) != OGRERR_NONE) {
                throw IoError(where + ": cannot add field " + name + last_cpl_error());
            }
            idx = OGR_FD_GetFieldIndex(defn, name.c_str());
            if (idx < 0) throw IoError(where + ": cannot add field " + name);
        }
        const OGRFieldType t = OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, idx));
        if (!compatible(f.type, t)) {
            throw IoError(where + ": field " + name + " is " + OGR_GetFieldTypeName(t) + " in the file, the schema has " +
                          to_string(f.type));
        }
        m_bindings[i] = Binding{idx, t};
    }

    if (m_key < 0) return;
    // Read the keys already present, fetching only the key column.
    const int key_idx = m_bindings[static_cast<std::size_t>(m_key)].ogr_index;
    std::vector<std::string> ignored{"OGR_GEOMETRY", "OGR_STYLE"};
    for (int fi = 0; fi < OGR_FD_GetFieldCount(defn); ++fi) {
        if (fi != key_idx) ignored.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, fi)));
    }
    std::vector<const char*> list;
    for (const auto& s : ignored) list.push_back(s.c_str());
    list.push_back(nullptr);
    OGR_L_SetIgnoredFields(m_layer, list.data());
    OGR_L_ResetReading(m_layer);
    const bool integer_key = m_bindings[static_cast<std::size_t>(m_key)].stored != OFTString;
    while (FeaturePtr f{OGR_L_GetNextFeature(m_layer)}) {
        if (!OGR_F_IsFieldSetAndNotNull(feature(f), key_idx)) continue;
        m_keys.insert(integer_key ? std::to_string(OGR_F_GetFieldAsInteger64(feature(f), key_idx))
                                  : std::string(OGR_F_GetFieldAsString(feature(f), key_idx)));
    }
    OGR_L_SetIgnoredFields(m_layer, nullptr);
    OGR_L_ResetReading(m_layer);
}

void LayerWriter::fail_type(std::size_t index, const std::string& key, const FieldDef& def,
                            const FieldValue& value) const {
    fail(index, key, "field " + def.name + ": " + to_string(def.type) + " expected, got " + value_kind(value));
}

void LayerWriter::fail(std::size_t index, const std::string& key, const std::string& detail) const {
    std::string where = "layer " + m_schema.name + ", feature index " + std::to_string(index);
    if (!key.empty()) where += " (" + m_schema.key_field + " " + key + ")";
    throw InputError(m_output, 0, where + ": " + detail);
}

std::string LayerWriter::key_of(const OutFeature& f, std::size_t index) const {
    const FieldValue& v = f.values[static_cast<std::size_t>(m_key)];
    if (const auto* s = std::get_if<std::string>(&v)) {
        if (s->empty()) fail(index, "", "key field " + m_schema.key_field + " is empty");
        return *s;
    }
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (std::holds_alternative<std::monostate>(v)) fail(index, "", "key field " + m_schema.key_field + " is NULL");
    fail(index, "", std::string("key field ") + m_schema.key_field + " holds " + value_kind(v));
}

void LayerWriter::set_field(OGRFeatureH fh, std::size_t field, const FieldValue& value, std::size_t index,
                            const std::string& key, WriteStats& stats) const {
    const FieldDef& def = m_schema.fields[field];
    const Binding& b = m_bindings[field];
    const int fi = b.ogr_index;
    if (std::holds_alternative<std::monostate>(value)) {
        OGR_F_SetFieldNull(fh, fi);
        return;
    }
    switch (def.type) {
    case FieldType::string: {
        const auto* s = std::get_if<std::string>(&value);
        if (!s) fail_type(index, key, def, value);
        if (std::memchr(s->data(), '\0', s->size())) fail(index, key, "field " + def.name + ": text holds a NUL byte");
        if (!CPLIsUTF8(s->data(), static_cast<int>(s->size()))) {
            fail(index, key, "field " + def.name + ": text is not valid UTF-8");
        }
        if (m_rules.max_string_bytes > 0 && s->size() > m_rules.max_string_bytes) {
            OGR_F_SetFieldString(fh, fi, s->substr(0, utf8_prefix(*s, m_rules.max_string_bytes)).c_str());
            ++stats.truncated_values;
        } else {
            OGR_F_SetFieldString(fh, fi, s->c_str());
        }
        return;
    }
    case FieldType::integer:
    case FieldType::integer64: {
        const auto* i = std::get_if<std::int64_t>(&value);
        if (!i) fail_type(index, key, def, value);
        if (b.stored == OFTInteger &&
            (*i < std::numeric_limits<std::int32_t>::min() || *i > std::numeric_limits<std::int32_t>::max())) {
            fail(index, key, "field " + def.name + ": " + std::to_string(*i) + " is out of the 32-bit integer range");
        }
        if (m_rules.fixed_width_numbers && (*i > dbf_int64_max || *i < dbf_int64_min)) {
            fail(index, key, "field " + def.name + ": " + std::to_string(*i) +
                                 " has more digits than a Shapefile integer field holds (18)");
        }
        OGR_F_SetFieldInteger64(fh, fi, *i);
        return;
    }
    case FieldType::real: {
        double d = 0;
        if (const auto* r = std::get_if<double>(&value)) {
            d = *r;
        } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
            d = static_cast<double>(*i);
        } else {
            fail_type(index, key, def, value);
        }
        // NaN is reckon's "unknown" (types.hpp); in a GIS file that is NULL.
        if (!std::isfinite(d)) {
            OGR_F_SetFieldNull(fh, fi);
        } else {
            OGR_F_SetFieldDouble(fh, fi, d);
        }
        return;
    }
    case FieldType::date: {
        const auto* dt = std::get_if<Date>(&value);
        if (!dt) fail_type(index, key, def, value);
        // dBASE dates have four-digit years; so do ISO 8601 dates without a sign.
        constexpr int min_year = 1, max_year = 9999;
        if (dt->year < min_year || dt->year > max_year || !is_calendar_date(dt->year, dt->month, dt->day)) {
            fail(index, key, "field " + def.name + ": " + std::to_string(dt->year) + "-" + std::to_string(dt->month) +
                                 "-" + std::to_string(dt->day) + " is not a calendar date");
        }
        if (b.stored == OFTString) {
            OGR_F_SetFieldString(fh, fi, iso_date(dt->year, dt->month, dt->day).c_str());
        } else {
            OGR_F_SetFieldDateTimeEx(fh, fi, dt->year, dt->month, dt->day, 0, 0, 0.0f, 0);
        }
        return;
    }
    case FieldType::datetime: {
        OGRField parsed{};
        if (const auto* dt = std::get_if<Date>(&value)) {
            parsed.Date.Year = static_cast<GInt16>(dt->year);
            parsed.Date.Month = static_cast<GByte>(dt->month);
            parsed.Date.Day = static_cast<GByte>(dt->day);
        } else if (const auto* s = std::get_if<std::string>(&value)) {
            if (!OGRParseDate(s->c_str(), &parsed, 0)) {
                fail(index, key, "field " + def.name + ": '" + *s + "' is not an ISO 8601 date-time");
            }
        } else {
            fail_type(index, key, def, value);
        }
        if (!is_calendar_date(parsed.Date.Year, parsed.Date.Month, parsed.Date.Day) || parsed.Date.Hour > 23 ||
            parsed.Date.Minute > 59 || parsed.Date.Second >= 61.0f) {
            fail(index, key, "field " + def.name + ": not a calendar date-time");
        }
        if (b.stored == OFTString) {
            OGR_F_SetFieldString(fh, fi,
                                 iso_datetime(parsed.Date.Year, parsed.Date.Month, parsed.Date.Day, parsed.Date.Hour,
                                              parsed.Date.Minute, parsed.Date.Second, parsed.Date.TZFlag)
                                     .c_str());
        } else {
            OGR_F_SetFieldDateTimeEx(fh, fi, parsed.Date.Year, parsed.Date.Month, parsed.Date.Day, parsed.Date.Hour,
                                     parsed.Date.Minute, parsed.Date.Second, parsed.Date.TZFlag);
        }
        return;
    }
    }
}

OGRGeometryH LayerWriter::make_geometry(const std::string& wkt, std::size_t index, const std::string& key) const {
    const GeometryKind kind = m_schema.geometry;
    if (kind == GeometryKind::none) fail(index, key, "the layer has no geometry, but the feature has WKT");
    char* cursor = const_cast<char*>(wkt.c_str());  // OGR advances the pointer; it does not write
    OGRGeometryH raw = nullptr;
    if (OGR_G_CreateFromWkt(&cursor, nullptr, &raw) != OGRERR_NONE || !raw) {
        fail(index, key, "invalid geometry WKT '" + wkt.substr(0, 60) + (wkt.size() > 60 ? "...'" : "'"));
    }
    GeometryPtr g(raw);
    while (*cursor == ' ' || *cursor == '\t' || *cursor == '\n' || *cursor == '\r') ++cursor;
    if (*cursor != '\0') fail(index, key, "invalid geometry WKT: unexpected text after the geometry");
    if (OGR_G_IsEmpty(raw)) return nullptr;  // an empty geometry is written as NULL
    if (OGR_G_GetCoordinateDimension(raw) > 2 || OGR_G_IsMeasured(raw)) OGR_G_FlattenTo2D(raw);
    OGR_G_SetMeasured(raw, FALSE);

    OGREnvelope env;
    OGR_G_GetEnvelope(raw, &env);
    if (!(std::isfinite(env.MinX) && std::isfinite(env.MaxX) && std::isfinite(env.MinY) && std::isfinite(env.MaxY)) ||
        env.MinX < -180.0 || env.MaxX > 180.0 || env.MinY < -90.0 || env.MaxY > 90.0) {
        fail(index, key, "coordinates outside longitude -180..180 / latitude -90..90 (EPSG:4326 lon/lat expected)");
    }

    const OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(raw));
    switch (kind) {
    case GeometryKind::point:
        if (t != wkbPoint) fail(index, key, std::string("a Point layer cannot hold a ") + OGRGeometryTypeToName(t));
        return g.release();
    case GeometryKind::polygon:
        if (t == wkbPolygon) return g.release();
        if (t == wkbMultiPolygon && OGR_G_GetGeometryCount(raw) == 1) {
            return OGR_G_Clone(OGR_G_GetGeometryRef(raw, 0));
        }
        fail(index, key, std::string("a Polygon layer cannot hold a ") + OGRGeometryTypeToName(t));
    case GeometryKind::multipolygon:
        if (t == wkbMultiPolygon) return g.release();
        if (t == wkbPolygon) return OGR_G_ForceToMultiPolygon(g.release());
        fail(index, key, std::string("a MultiPolygon layer cannot hold a ") + OGRGeometryTypeToName(t));
    case GeometryKind::none: break;
    }
    return nullptr;
}

void LayerWriter::write(const std::vector<OutFeature>& features, std::size_t begin, std::size_t end,
                        WriteStats& stats) {
    if (!m_feature) m_feature.reset(OGR_F_Create(OGR_L_GetLayerDefn(m_layer)));
    OGRFeatureH fh = feature(m_feature);
    const std::size_t nfields = m_schema.fields.size();
    std::string key;
    for (std::size_t i = begin; i < end; ++i) {
        const OutFeature& f = features[i];
        if (f.values.size() != nfields) {
            fail(i, "", std::to_string(f.values.size()) + " values for " + std::to_string(nfields) + " fields");
        }
        if (m_key >= 0) {
            key = key_of(f, i);
            if (m_keys.count(key)) {
                ++stats.skipped_duplicates;
                continue;
            }
        }
        for (std::size_t k = 0; k < nfields; ++k) set_field(fh, k, f.values[k], i, key, stats);
        OGR_F_SetGeometryDirectly(fh, f.wkt.empty() ? nullptr : make_geometry(f.wkt, i, key));
        OGR_F_SetFID(fh, OGRNullFID);
        if (OGR_L_CreateFeature(m_layer, fh) != OGRERR_NONE) {
            throw IoError(m_output + ": layer " + m_schema.name + ": cannot write feature index " + std::to_string(i) +
                          last_cpl_error());
        }
        if (m_key >= 0) m_keys.insert(key);
        ++stats.written;
    }
}

} // namespace reckon::vector_io::detail
