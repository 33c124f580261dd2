control build --as-of 2020-02-17 -o c.gpkg
