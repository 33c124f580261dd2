validate --gazetteer ${GAZ%mini.sqlite}validate.sqlite --format json --column location --lat latitude --lon longitude --context-column province $DATA/validate/places.csv
