control build --evidence $DATA/control/grid_evidence.csv --places $DATA/control/grid_places.csv --clip $DATA/control/grid_clip.geojson --as-of 2020-02-17 -o c.gpkg
