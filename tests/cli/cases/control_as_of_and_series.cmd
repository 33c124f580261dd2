control build --evidence $DATA/control/grid_evidence.csv --as-of 2020-02-17 --from 2020-02-01 --to 2020-02-17 -o c.gpkg
