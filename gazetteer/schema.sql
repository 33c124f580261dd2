-- reckon gazetteer schema (SQLite). Compiled into the library: this file is the
-- single source of truth. Bump schema_version in meta when it changes.

PRAGMA foreign_keys = ON;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per imported input (file or layer), for `reckon gazetteer info`.
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,      -- geonames | boundaries | curated
  path        TEXT NOT NULL,
  licence     TEXT,
  records     INTEGER NOT NULL,   -- rows imported
  skipped     INTEGER NOT NULL,   -- rows skipped with a warning
  imported_at TEXT NOT NULL
);

CREATE TABLE places (
  id            INTEGER PRIMARY KEY,
  source_id     TEXT NOT NULL UNIQUE,  -- stable public id: 'geonames:170794', 'curated:al-omar-oil-field'
  name          TEXT NOT NULL,         -- primary name as the source gives it
  name_ar       TEXT,                  -- an Arabic-script name when one is known
  feature_class TEXT NOT NULL,         -- GeoNames class: P, A, S, L, H, T, R, V
  feature_code  TEXT NOT NULL,         -- GeoNames code: PPL, PPLA, ADM1, OILF, DAM, AIRB, ...
  country       TEXT NOT NULL,         -- ISO 3166-1 alpha-2
  admin1        TEXT NOT NULL DEFAULT '',  -- GeoNames admin1 code ('' unknown)
  admin2        TEXT NOT NULL DEFAULT '',
  lat           REAL NOT NULL,         -- WGS84 degrees
  lon           REAL NOT NULL,
  population    INTEGER NOT NULL DEFAULT 0,
  name_count    INTEGER NOT NULL DEFAULT 0,  -- distinct names: a proxy for prominence
  extent_m      REAL NOT NULL,         -- point-radius extent: centre to furthest point (metres)
  extent_basis  TEXT NOT NULL,         -- polygon | population | prominence | feature-default | curated
  source_ref    TEXT NOT NULL,         -- where the row came from: 'SY.txt:1234', CSV source column
  source        INTEGER NOT NULL REFERENCES sources(id)
);
CREATE INDEX places_country_admin1 ON places(country, admin1);

-- Every name of every place (primary, ASCII, alternates, Arabic), with its
-- three matching keys (see src/text/normalize.hpp): the search index.
CREATE TABLE names (
  place_id     INTEGER NOT NULL REFERENCES places(id),
  name         TEXT NOT NULL,
  lang         TEXT NOT NULL DEFAULT '',  -- ar, en, ku, tr, ... ('' unknown)
  kind         TEXT NOT NULL,             -- primary | ascii | alternate | curated | boundary
  script       TEXT NOT NULL,             -- Latn | Arab | Other
  key_fold     TEXT NOT NULL,
  key_translit TEXT NOT NULL,
  key_skel     TEXT NOT NULL
);
-- Covering indexes: a lookup reads one index range and never the table.
CREATE INDEX names_place    ON names(place_id);
CREATE INDEX names_translit ON names(key_translit, place_id, key_fold, name);
CREATE INDEX names_skel     ON names(key_skel, place_id, key_translit, key_fold, name);

-- Fuzzy index: every skeleton key and its one-letter deletions (SymSpell), so
-- a typo within edit distance 2 of a skeleton is found by a few index probes.
CREATE TABLE skel_deletes (
  del_key TEXT NOT NULL,
  skel    TEXT NOT NULL,
  PRIMARY KEY (del_key, skel)
) WITHOUT ROWID;

-- The exact-lookup index (src/gazetteer/index.hpp): one BLOB, row id 1,
-- derived from names; read whole into memory on first lookup.
CREATE TABLE search_index (
  id   INTEGER PRIMARY KEY,
  data BLOB NOT NULL
);

-- Administrative polygons (governorates/provinces, districts, countries).
CREATE TABLE admin_areas (
  id        INTEGER PRIMARY KEY,
  level     INTEGER NOT NULL,   -- 0 country, 1 governorate/province, 2 district
  country   TEXT NOT NULL,
  admin1    TEXT NOT NULL DEFAULT '',
  admin2    TEXT NOT NULL DEFAULT '',
  name      TEXT NOT NULL,
  name_ar   TEXT,
  place_id  INTEGER REFERENCES places(id),  -- the places row standing for this area
  min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
  geom      BLOB NOT NULL,      -- WKB, EPSG:4326 (lon/lat)
  source    INTEGER NOT NULL REFERENCES sources(id)
);
CREATE INDEX admin_areas_code ON admin_areas(country, level, admin1, admin2);

-- Line features: the course of a river as one polyline per place, built from
-- a curated course CSV (one row per vertex, each with its source). The place's
-- extent_m is the line's generalisation error (how far the true course may lie
-- from the polyline).
CREATE TABLE place_lines (
  place_id  INTEGER PRIMARY KEY REFERENCES places(id),
  vertices  INTEGER NOT NULL,
  min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
  geom      BLOB NOT NULL,      -- WKB LINESTRING, EPSG:4326 (lon/lat)
  source    INTEGER NOT NULL REFERENCES sources(id)
);
