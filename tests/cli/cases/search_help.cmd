gazetteer search --help
