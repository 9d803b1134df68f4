-- Columns the OData data service shows, as Creatio names them (Contact, Approval, BaseVisa).
ALTER TABLE contact ADD COLUMN surname VARCHAR(250) DEFAULT '' NOT NULL;
ALTER TABLE contact ADD COLUMN given_name VARCHAR(250) DEFAULT '' NOT NULL;
ALTER TABLE contact ADD COLUMN job_title VARCHAR(250) DEFAULT '' NOT NULL;
ALTER TABLE contact ADD COLUMN phone VARCHAR(250) DEFAULT '' NOT NULL;
ALTER TABLE contact ADD COLUMN mobile_phone VARCHAR(250) DEFAULT '' NOT NULL;
ALTER TABLE contact ADD COLUMN created_by_id UUID;
ALTER TABLE contact ADD COLUMN modified_by_id UUID;
CREATE INDEX ix_contact_email ON contact (email);
CREATE INDEX ix_contact_name ON contact (name);

ALTER TABLE approval ADD COLUMN created_by_id UUID;
ALTER TABLE approval ADD COLUMN modified_by_id UUID;

ALTER TABLE approval_step ADD COLUMN objective VARCHAR(500) DEFAULT '' NOT NULL;
ALTER TABLE approval_step ADD COLUMN comment_text VARCHAR(2000) DEFAULT '' NOT NULL;
ALTER TABLE approval_step ADD COLUMN set_by_id UUID;
ALTER TABLE approval_step ADD COLUMN created_by_id UUID;
ALTER TABLE approval_step ADD COLUMN modified_by_id UUID;
ALTER TABLE approval_step ADD CONSTRAINT fk_approval_step_set_by FOREIGN KEY (set_by_id) REFERENCES contact (id);
CREATE INDEX ix_approval_step_approval ON approval_step (approval_id, round_no, position_no);
UPDATE approval_step SET set_by_id = approver_id WHERE status IN ('APPROVED', 'REJECTED');

-- The statuses as lookup rows with fixed ids, joined by their code.
CREATE TABLE approval_status (
    id          UUID                     NOT NULL,
    code        VARCHAR(20)              NOT NULL,
    name        VARCHAR(50)              NOT NULL,
    created_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_on TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_approval_status PRIMARY KEY (id),
    CONSTRAINT uq_approval_status_code UNIQUE (code)
);
INSERT INTO approval_status (id, code, name, created_on, modified_on) VALUES
    ('f5f618ad-5800-4e6d-831f-408312f42d8d', 'NEW', 'New', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
    ('cd899364-c6b9-4ca4-8c8d-bd38d6553354', 'IN_PROGRESS', 'InProgress', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
    ('dd4eb02a-1ab5-4ca1-b031-b24f7d2518e6', 'APPROVED', 'Approved', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
    ('918774de-b87f-41e8-bf8a-87ed9ce8916d', 'REJECTED', 'Rejected', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');

-- Creatio's VisaStatus rows, with Creatio's own ids.
CREATE TABLE visa_status (
    id          UUID                     NOT NULL,
    code        VARCHAR(20)              NOT NULL,
    name        VARCHAR(50)              NOT NULL,
    created_on  TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_on TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_visa_status PRIMARY KEY (id),
    CONSTRAINT uq_visa_status_code UNIQUE (code)
);
INSERT INTO visa_status (id, code, name, created_on, modified_on) VALUES
    ('3462594d-77a7-4b0a-874a-6d8b54b293bc', 'PENDING', 'Waiting', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
    ('e79facb3-3c32-43e7-a59e-12ba125e6132', 'APPROVED', 'Positive', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
    ('a93ab0b9-ca36-4b95-9b23-e01aa169c338', 'REJECTED', 'Negative', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'),
    ('9120fdef-69be-4168-b5f3-517714b7a4e9', 'CANCELLED', 'Canceled', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00');

ALTER TABLE approval ADD CONSTRAINT fk_approval_status FOREIGN KEY (status) REFERENCES approval_status (code);
ALTER TABLE approval_step ADD CONSTRAINT fk_approval_step_status FOREIGN KEY (status) REFERENCES visa_status (code);
