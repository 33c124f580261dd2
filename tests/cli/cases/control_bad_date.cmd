control build --evidence $DATA/control/grid_evidence.csv --as-of 2020-02-30 -o c.gpkg
