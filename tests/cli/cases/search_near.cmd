gazetteer search "Al Hamidiyah" --near Al-Mayadin --limit 1
