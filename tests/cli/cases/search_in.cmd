gazetteer search "Al Hamidiyah" --in "Diyala Province"
