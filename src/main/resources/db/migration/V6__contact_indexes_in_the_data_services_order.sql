-- The data service sorts a text column with its empty values (NULL) first going up and last going
-- down, next to ''. An index kept in that order serves both directions: PostgreSQL reads it forwards
-- for one and backwards for the other. In the default order (NULL last going up) it served neither,
-- and every $orderby on Name or Email sorted the whole table. Equality lookups use it as before.
DROP INDEX ix_contact_name;
CREATE INDEX ix_contact_name ON contact (name NULLS FIRST);
DROP INDEX ix_contact_email;
CREATE INDEX ix_contact_email ON contact (email NULLS FIRST);
