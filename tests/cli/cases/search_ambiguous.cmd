gazetteer search "Al Hamidiyah"
