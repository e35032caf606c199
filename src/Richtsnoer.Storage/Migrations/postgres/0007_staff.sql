-- The staff list: the people who must receive and acknowledge the protocol, without accounts.
-- A leaver is deactivated (deactivated_at), never deleted, so evidence about them keeps its subject.
CREATE TABLE staff_members (
    id               uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email            text NOT NULL,
    email_normalized text NOT NULL,
    name             text NOT NULL,
    department       text NULL,
    language         text NOT NULL CHECK (language IN ('nl', 'en')),
    role             text NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    deactivated_at   timestamptz NULL,
    UNIQUE (organisation_id, email_normalized)
);
CREATE INDEX ix_staff_members_department ON staff_members (organisation_id, department);

-- An import between its preview and its confirmation: the validated rows as JSON, for the
-- account that uploaded them, for an hour. Confirming takes the row out (it works once).
CREATE TABLE staff_imports (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_by      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    refused         integer NOT NULL,
    rows            text NOT NULL
);
CREATE INDEX ix_staff_imports_expires ON staff_imports (expires_at);
