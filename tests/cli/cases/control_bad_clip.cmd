control build --evidence $DATA/control/grid_evidence.csv --as-of 2020-02-17 --clip provinces -o c.gpkg
