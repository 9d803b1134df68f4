-- A snapshot's name is 1 to 200 letters, and a letter outside the Basic Multilingual Plane (𝒜) is
-- two UTF-16 units, in which H2 counts a column's length (PostgreSQL counts characters).
ALTER TABLE state_snapshot ALTER COLUMN name SET DATA TYPE VARCHAR(400);
