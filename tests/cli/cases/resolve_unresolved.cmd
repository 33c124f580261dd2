resolve "Xyzzy" "99999 km north of Kirkuk"
