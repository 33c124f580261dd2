validate --gazetteer ${GAZ%mini.sqlite}validate.sqlite --lat latitude $DATA/validate/digest_a.txt
