gazetteer build -q -o $OUT/bad.sqlite --geonames $DATA/mini/mini.geonames.txt --boundaries $DATA/bad/not_a_boundary.gpkg
