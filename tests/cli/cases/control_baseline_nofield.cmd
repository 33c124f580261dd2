control build --baseline $DATA/control/grid_baseline_nofield.geojson --places $DATA/control/grid_places.csv --as-of 2020-02-17 -o c.gpkg
