-- export-json reads times in UTC and dates in ISO form.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD'
