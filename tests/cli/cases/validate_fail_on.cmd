validate --gazetteer ${GAZ%mini.sqlite}validate.sqlite --style ascii --fail-on unknown,inconsistent $DATA/validate/digest_a.txt
