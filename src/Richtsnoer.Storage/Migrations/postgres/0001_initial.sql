-- Richtsnoer schema, PostgreSQL.
CREATE TABLE users (
    id               uuid PRIMARY KEY,
    email            text NOT NULL,
    email_normalized text NOT NULL UNIQUE,
    password_hash    text NOT NULL,
    security_stamp   text NOT NULL,
    language         text NOT NULL DEFAULT 'nl',
    created_at       timestamptz NOT NULL
);

CREATE TABLE organisations (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE memberships (
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            text NOT NULL CHECK (role IN ('owner', 'editor')),
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX ix_memberships_user ON memberships (user_id);

-- One protocol per organisation: the answers file (YAML) plus where the interview stands.
CREATE TABLE protocols (
    organisation_id uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    answers         text NOT NULL,
    status          text NOT NULL,
    current_step    text NULL,
    revision        integer NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      uuid NULL
);

-- ASP.NET Core data-protection key ring, shared by every instance.
CREATE TABLE data_protection_keys (
    friendly_name text PRIMARY KEY,
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL
);

-- Every login attempt, by normalised e-mail (also for unknown addresses): the lockout reads it.
CREATE TABLE login_attempts (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email_normalized text NOT NULL,
    succeeded        boolean NOT NULL,
    at               timestamptz NOT NULL
);
CREATE INDEX ix_login_attempts_email ON login_attempts (email_normalized, id);
