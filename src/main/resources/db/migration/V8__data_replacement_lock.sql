-- One row that an import, a snapshot's restore or a reset of the data locks before it replaces
-- contacts and approvals: two such replacements on one database (from one stand or from replicas)
-- take turns. Each then locks every approval before deleting it, so that ELMA's requests, which
-- lock one approval, take turns with it too.
CREATE TABLE data_replacement_lock (
    id INTEGER PRIMARY KEY
);
INSERT INTO data_replacement_lock (id) VALUES (1);
