gazetteer build -o $OUT/none.sqlite
