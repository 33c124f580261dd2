gazetteer --help
