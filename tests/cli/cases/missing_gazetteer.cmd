gazetteer search --gazetteer $OUT/none.sqlite Baqubah
