control build --evidence $DATA/control/grid_evidence.csv --from 2020-02-17 --to 2020-02-16 -o c.gpkg
