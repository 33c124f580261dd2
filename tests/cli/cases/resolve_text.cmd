resolve "14 km north of Al-Mayadin" "in western Mosul" "near Khanaqin" --context Diyala
