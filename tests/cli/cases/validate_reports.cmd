validate --gazetteer ${GAZ%mini.sqlite}validate.sqlite --problems-only $DATA/validate/digest_a.txt $DATA/validate/digest_b.txt
