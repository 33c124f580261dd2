validate --gazetteer ${GAZ%mini.sqlite}validate.sqlite --format csv --style arabic --column location --context-column province $DATA/validate/places.csv
