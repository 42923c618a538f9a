DELETE FROM {table} WHERE ctid = ANY (?::tid[])
