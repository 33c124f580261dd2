gazetteer search Khanaqim "Deir ez-Zor Governorate" --gazetteer $GAZ
