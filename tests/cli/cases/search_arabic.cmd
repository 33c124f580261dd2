gazetteer search بعقوبة
