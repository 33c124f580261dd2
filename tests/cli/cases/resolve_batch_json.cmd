resolve --input $DATA/resolve_batch.txt --format json --no-polygon
