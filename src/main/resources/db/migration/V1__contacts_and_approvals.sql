-- Contacts: the approvers ELMA names by email. email_key is the trimmed, lower-cased email,
-- so that uniqueness and lookups are case-insensitive on every database.
CREATE TABLE contact (
    id          UUID                     NOT NULL,
    name        VARCHAR(250)             NOT NULL,
    email       VARCHAR(250),
    email_key   VARCHAR(250),
    created_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_on TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT pk_contact PRIMARY KEY (id),
    CONSTRAINT uq_contact_email_key UNIQUE (email_key)
);

-- Approvals: the BPMSoft records ELMA refers to by id_crm.
CREATE TABLE approval (
    id          UUID                     NOT NULL,
    name        VARCHAR(500)             NOT NULL,
    status      VARCHAR(20)              NOT NULL,
    round_no    INTEGER                  NOT NULL,
    created_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_on TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT pk_approval PRIMARY KEY (id),
    CONSTRAINT ck_approval_status CHECK (status IN ('NEW', 'IN_PROGRESS', 'APPROVED', 'REJECTED'))
);

-- Approval steps (visas): one per email of a chain, numbered by round and position.
CREATE TABLE approval_step (
    id          UUID                     NOT NULL,
    approval_id UUID                     NOT NULL,
    round_no    INTEGER                  NOT NULL,
    position_no INTEGER                  NOT NULL,
    approver_id UUID                     NOT NULL,
    status      VARCHAR(20)              NOT NULL,
    decided_on  TIMESTAMP WITH TIME ZONE,
    created_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_on TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_approval_step PRIMARY KEY (id),
    CONSTRAINT fk_approval_step_approval FOREIGN KEY (approval_id) REFERENCES approval (id),
    CONSTRAINT fk_approval_step_approver FOREIGN KEY (approver_id) REFERENCES contact (id),
    CONSTRAINT uq_approval_step_position UNIQUE (approval_id, round_no, position_no),
    CONSTRAINT ck_approval_step_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'))
);

CREATE INDEX ix_approval_step_approver ON approval_step (approver_id);
