gazetteer search Baaquba
