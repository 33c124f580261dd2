gazetteer search --bogus Baqubah
