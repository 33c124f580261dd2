gazetteer search "Deir ez-Zot"
