gazetteer build -q -o $OUT/bad.sqlite --geonames $DATA/bad/malformed_geonames.txt
