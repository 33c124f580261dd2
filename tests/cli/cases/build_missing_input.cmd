gazetteer build -o $OUT/x.sqlite --geonames $DATA/bad/no_such_file.txt
