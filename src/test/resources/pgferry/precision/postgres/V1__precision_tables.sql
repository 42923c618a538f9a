-- Tables of the precision property tests (pgferry.precision, test only).

-- One column per target type: a value goes into one of them and is read back from it.
CREATE TABLE roundtrip (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    numeric_20_2  numeric(20,2),    -- money in cents
    numeric_20_6  numeric(20,6),    -- prices quoted to 6 decimals
    numeric_24_8  numeric(24,8),    -- satoshi-scale crypto amounts
    numeric_38_18 numeric(38,18),   -- 18-decimal on-chain amounts (wei)
    float4_value  real,
    float8_value  double precision
);

-- Generated cent amounts, one group per try of the sum property.
CREATE TABLE cent_amount (
    try    integer       NOT NULL,
    amount numeric(20,2) NOT NULL
);
CREATE INDEX cent_amount_try ON cent_amount (try);

-- What pgferry's REAL -> NUMERIC converter wrote, per try and position in the try.
CREATE TABLE converted_real (
    try   integer NOT NULL,
    idx   integer NOT NULL,
    value numeric NOT NULL,
    PRIMARY KEY (try, idx)
);

-- Bounded NUMERIC columns that values beyond them are inserted into directly.
CREATE TABLE bounded (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    numeric_10_2  numeric(10,2),
    numeric_20_2  numeric(20,2),
    numeric_20_6  numeric(20,6),
    numeric_24_8  numeric(24,8),
    numeric_38_18 numeric(38,18)
);
