-- Where a region's travel matrix came from when it is a road matrix (issue 13): the OpenStreetMap extract's file
-- name and the SHA-256 of its bytes (TravelMatrix.source). No row: a matrix of unknown origin, or no matrix.

CREATE TABLE travel_source (
    region_id bigint PRIMARY KEY REFERENCES region,
    extract   text   NOT NULL
        CONSTRAINT travel_source_extract_not_blank CHECK (btrim(extract) <> ''),
    sha256    text   NOT NULL
        CONSTRAINT travel_source_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$')
);
