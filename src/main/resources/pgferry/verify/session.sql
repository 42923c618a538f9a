SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET bytea_output = 'hex';
SET extra_float_digits = 1;
SET IntervalStyle = 'postgres'
