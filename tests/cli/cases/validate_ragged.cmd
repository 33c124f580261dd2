validate --gazetteer ${GAZ%mini.sqlite}validate.sqlite --column location $DATA/validate/ragged.csv $DATA/validate/places.csv --problems-only
