-- Fault rules: ways QA makes the stand misbehave on purpose, shared by every replica.
CREATE TABLE fault_rule (
    id              UUID                     NOT NULL,
    endpoint        VARCHAR(100)             NOT NULL,
    id_crm          VARCHAR(200),
    email           VARCHAR(250),
    status          INTEGER,
    message         VARCHAR(2000),
    delay_ms        INTEGER                  NOT NULL,
    delay_max_ms    INTEGER                  NOT NULL,
    drop_connection BOOLEAN                  NOT NULL,
    times           INTEGER,
    remaining       INTEGER,
    probability     DOUBLE PRECISION,
    seed            BIGINT,
    draws           BIGINT                   NOT NULL,
    applied         BIGINT                   NOT NULL,
    created_on      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fault_rule PRIMARY KEY (id)
);

-- Named snapshots of the whole state, as seed documents.
CREATE TABLE state_snapshot (
    name       VARCHAR(200)             NOT NULL,
    created_on TIMESTAMP WITH TIME ZONE NOT NULL,
    document   TEXT                     NOT NULL,
    CONSTRAINT pk_state_snapshot PRIMARY KEY (name)
);
