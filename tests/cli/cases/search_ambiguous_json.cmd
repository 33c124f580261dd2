gazetteer search --format json "Al Hamidiyah"
