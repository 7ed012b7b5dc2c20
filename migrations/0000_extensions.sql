-- Trigram search (pg_trgm) ships with PostgreSQL and PGlite alike.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
