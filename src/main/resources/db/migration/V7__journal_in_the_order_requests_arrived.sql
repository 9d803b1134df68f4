-- The journal lists entries newest first by the time their requests arrived, not by the order they
-- were written: a request held by a fault rule's delay is written after requests that arrived
-- later. The identifier breaks ties between requests of the same microsecond. The age trim's range
-- on received_on uses the same index.
DROP INDEX ix_journal_entry_received_on;
CREATE INDEX ix_journal_entry_received_on ON journal_entry (received_on, id);
