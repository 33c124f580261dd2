validate --gazetteer ${GAZ%mini.sqlite}validate.sqlite --column place $DATA/validate/places.csv
