gazetteer info
