SELECT min({key})::text, max({key})::text FROM {table}
