gazetteer info --format json --gazetteer $GAZ
