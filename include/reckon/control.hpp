#pragma once
/// @file control.hpp
/// Control areas: which controller holds which settlements and areas, as of
/// a date or for a series of dates, built from evidence (takeover incidents,
/// explicit statements, an analyst's table of place, controller and date)
/// and an optional baseline map. Settlements are assigned a controller; the
/// areas are their Voronoi cells, clipped to a country, province or polygon
/// file and dissolved by controller, or a baseline map with the cells of
/// changed settlements replaced. README "Control areas" has the method and
/// its limits.

#include "reckon/export.hpp"
#include "reckon/gazetteer.hpp"
#include "reckon/report.hpp"  // Date
#include "reckon/types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

/// The controller of settlements no evidence (and no baseline) speaks about.
inline constexpr const char* unknown_controller = "unknown";

// ---------------------------------------------------------------------------
// Controllers and their colours (the colours file)
// ---------------------------------------------------------------------------

struct ControllerStyle {
    std::string controller;            ///< canonical name ("Syrian army")
    std::string colour;                ///< "#rrggbb"
    std::string label;                 ///< legend label
    std::vector<std::string> aliases;  ///< other spellings of this controller ("SAA", "regime forces")
};

/// Controllers with colours, labels and aliases: the colours file, a CSV
/// with the header `controller,colour,label[,aliases]` (aliases
/// pipe-separated), or the compiled-in default.
class ControllerTable {
public:
    ControllerTable() = default;
    /// The default table (the colours of the weekly ITIC maps: Syrian army
    /// red, HTS and rebels green, SDF yellow; others distinct; unknown grey).
    static ControllerTable defaults();
    /// Read a colours file. Throws InputError (file:line) on a malformed row,
    /// a colour that is not #rrggbb, or a controller listed twice; IoError
    /// when it cannot be opened.
    static ControllerTable from_csv(const std::string& path);

    /// The canonical spelling of @p name: the table's controller whose name
    /// or alias equals it (case, spaces and punctuation aside), else
    /// @p name with surrounding space trimmed.
    std::string canonical(std::string_view name) const;
    /// The style of @p controller; a controller not in the table gets a
    /// colour from a fixed palette (the same for the same name) and its name
    /// as label.
    ControllerStyle style(const std::string& controller) const;
    const std::vector<ControllerStyle>& entries() const noexcept { return m_entries; }
    /// The table as a colours file (`reckon control colours` prints the default).
    std::string to_csv() const;

private:
    std::vector<ControllerStyle> m_entries;
};

// ---------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------

enum class EvidenceKind {
    takeover,   ///< the controller took the place ("the Syrian army took over Anjara")
    statement,  ///< the place is held by the controller ("area controlled by the SDF"; analyst's table rows)
    fighting    ///< fighting reported at the place: it is contested; no controller
};
const char* to_string(EvidenceKind k) noexcept;

/// One piece of evidence. It is about one place (place_id or a bare point)
/// or about an area (area_wkt), whose settlements it applies to.
struct ControlEvidence {
    std::string id;          ///< incident_id, or the row's "FILE:LINE" / "FILE:LAYER:FID"
    std::string source;      ///< where it was read: "FILE:LINE" or "FILE:LAYER:FID"
    Date date;               ///< the day it reports
    EvidenceKind kind = EvidenceKind::takeover;
    std::string controller;  ///< canonical controller ("" for fighting)
    std::string place_id;    ///< gazetteer or --places id of the place ("" for an area or a bare point)
    std::string place_name;  ///< as given (for messages)
    LatLon point;            ///< the place's position; invalid for an area
    std::string area_wkt;    ///< polygon (EPSG:4326, lon/lat) of an area; "" for a place
    /// For a takeover, the controller it was taken from ("" unknown). An
    /// area's takeover then changes only the places held by that controller
    /// (or by nobody known): "villages west of Aleppo taken from HTS" leaves
    /// a third party's villages in the area alone.
    std::string taken_from;
};

struct EvidenceOptions {
    /// Incident event types that report fighting at a place (contest it),
    /// e.g. "armed_attack"; none by default (an attack is no change of control).
    std::vector<std::string> fighting_event_types;
};

struct EvidenceRead {
    std::vector<ControlEvidence> evidence;
    std::vector<std::string> errors;  ///< rows or features that could not be used ("table.csv:7: ..."), each named
    std::vector<std::string> notes;   ///< what was read and done ("incidents.gpkg: 14 takeovers, 230 other incidents")
    std::vector<std::string> crs;     ///< CRS of each layer read ("EPSG:4326", "" none declared)
};

/// Read evidence from @p path. Either an incidents layer (an OGR source with
/// a layer having incident_id and event_type fields, as `reckon convert`
/// writes: takeovers with perpetrator = new controller; a `controller`
/// field makes a row a statement; polygons come from its incident_areas
/// layer, else place_id, else the point and uncertainty_m, else
/// location_phrase resolved here), or an analyst's table (CSV, or any OGR
/// layer) with columns controller and date and the place as a name
/// (place/name, resolved through the gazetteer, with province and country
/// hints), a gazetteer id (place_id) or lat/lon columns (or the layer's
/// geometry). Unusable rows are reported in errors, each with its line or
/// feature id; the rest is read. Throws IoError when @p path cannot be read,
/// InputError when a table lacks the controller or date column.
EvidenceRead read_control_evidence(const std::string& path, const Gazetteer& gazetteer,
                                   const ControllerTable& controllers, const EvidenceOptions& options = {});

// ---------------------------------------------------------------------------
// Baseline map and settlements
// ---------------------------------------------------------------------------

struct BaselineArea {
    std::string controller;  ///< canonical
    std::string wkt;         ///< valid polygon(s), EPSG:4326
    std::string source;      ///< "FILE:LAYER:FID"
};

struct Baseline {
    std::string path;
    std::vector<BaselineArea> areas;
    std::vector<std::string> notes;   ///< repairs, reprojection
    std::vector<std::string> errors;  ///< features rejected (not polygons, no controller), by feature id
    std::vector<std::string> crs;     ///< CRS of each layer read ("EPSG:32637", "" none declared)
};

/// Read a baseline control map (polygons with a controller field, any OGR
/// source: GeoPackage, Shapefile, GeoJSON, KML), reprojected to EPSG:4326.
/// The controller field is @p controller_field, else the first of
/// controller, controlled_by, control, held_by, holder, faction, actor.
/// Invalid polygons are repaired (noted with the feature id); features
/// without a polygon or a controller are rejected (errors). Throws
/// InputError naming the fields the layer has when it has no controller
/// field; IoError when unreadable.
Baseline read_control_baseline(const std::string& path, const ControllerTable& controllers,
                               const std::string& controller_field = "");

/// A settlement that control areas are built from.
struct Settlement {
    std::string id;         ///< public id ("geonames:173215", or the --places file's id)
    std::string name;
    LatLon position;
    double extent_m = 0.0;  ///< point-radius extent: a bare point this close is this settlement
};

/// Read a settlements CSV (--places): header with id, name, lat, lon
/// (latitude/longitude accepted). Throws InputError (file:line) on a
/// missing column or a bad coordinate; IoError when unreadable.
std::vector<Settlement> read_settlements_csv(const std::string& path);

// ---------------------------------------------------------------------------
// Building snapshots
// ---------------------------------------------------------------------------

enum class SnapshotStep { day, week };

/// Snapshot dates: @p from, then every step, and @p to when the steps do
/// not land on it. Throws UsageError when a date is invalid or @p from is
/// after @p to.
std::vector<Date> snapshot_dates(const Date& from, const Date& to, SnapshotStep step);

struct ControlOptions {
    std::vector<Date> as_of;  ///< snapshot dates, ascending (snapshot_dates() for a series)
    /// What the areas cover: "country" (the gazetteer's countries that hold
    /// the evidence), "province" (the provinces that hold it), or the path of
    /// an OGR polygon layer; "" = the baseline's extent when there is a
    /// baseline, else "country".
    std::string clip;
    /// Evidence within this many days before a snapshot date that conflicts
    /// (two controllers on one day, or control switching back and forth) or
    /// reports fighting makes the place contested (one weekly report period).
    int contest_window_days = 7;
    /// Evidence on or before this date is already in the baseline and is not used.
    std::optional<Date> baseline_date;
};

struct ControlInputs {
    std::vector<ControlEvidence> evidence;
    std::optional<Baseline> baseline;
    /// The settlements to assign (--places); none = the gazetteer's
    /// populated places (feature class P, historical and abandoned ones left out).
    std::optional<std::vector<Settlement>> settlements;
};

/// One controller's area in one snapshot (layer control_areas).
struct ControlArea {
    std::string area_id;      ///< "<as_of>/<controller>", "/contested" appended for its contested part
    std::string controller;
    Date as_of;               ///< evidence up to this day is used
    Date valid_from;          ///< = as_of
    std::optional<Date> valid_to;  ///< the day before the next snapshot (inclusive); none for the last (still holds)
    double area_km2 = 0.0;    ///< ellipsoidal (WGS84 geodesic) area
    std::int64_t evidence_count = 0;       ///< evidence items (up to as_of) naming this controller for its settlements
    std::optional<Date> first_evidence;    ///< the earliest of them
    std::optional<Date> last_evidence;     ///< the latest of them
    bool contested = false;
    std::string method;       ///< "voronoi" (settlement cells) or "baseline" (baseline with changed cells replaced)
    std::string wkt;          ///< valid (multi)polygon, EPSG:4326
};

/// What changed hands between two snapshots (layer control_changes).
struct ControlChange {
    std::string change_id;        ///< "<as_of>/<from>-><to>"
    std::string controller_from;  ///< "unknown" when nothing was known before
    std::string controller_to;
    Date as_of;                   ///< the snapshot it leads to
    Date valid_from;              ///< date of the earliest evidence that caused it
    Date valid_to;                ///< date of the latest (inclusive)
    double area_km2 = 0.0;
    std::vector<std::string> incident_ids;  ///< the evidence that caused it, by date
    std::vector<std::string> place_ids;     ///< the settlements that changed hands
    std::int64_t evidence_count = 0;
    std::string wkt;
};

struct ControlResult {
    std::vector<ControlArea> areas;      ///< by as_of, controller, contested
    std::vector<ControlChange> changes;  ///< by as_of, from, to
    std::string clip;                    ///< what the areas cover, in words
    std::string clip_wkt;                ///< and as a polygon
    std::size_t settlements = 0;         ///< sites assigned (settlements after merging coincident ones, plus evidence places)
    std::vector<std::string> notes;      ///< what was done: clip, evidence outside it or after the last date, repairs
    std::vector<std::string> errors;     ///< evidence that could not be placed (an unknown place id), each named
};

/// Build control areas and changes for every date of @p options.as_of.
/// Throws UsageError (no dates, a clip that covers nothing), InputError /
/// IoError (an unreadable clip file).
ControlResult build_control(const ControlInputs& inputs, const ControlOptions& options, const Gazetteer& gazetteer);

/// Add the layers control_areas and control_changes (README "GIS export")
/// to @p writer, styled with the colours of @p controllers (contested parts
/// hatched in their controller's colour; QGIS temporal properties on
/// valid_from/valid_to), and write @p result into them. The caller commits.
void write_control_layers(DatasetWriter& writer, const ControlResult& result, const ControllerTable& controllers);

} // namespace reckon
