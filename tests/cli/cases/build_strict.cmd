gazetteer build -q --strict -o $OUT/bad.sqlite --geonames $DATA/bad/malformed_geonames.txt
