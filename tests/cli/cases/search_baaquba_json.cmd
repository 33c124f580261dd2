gazetteer search --format json Baaquba
