-- Richtsnoer schema, SQLite. Ids are GUIDs as text; times are ISO-8601 UTC text.
CREATE TABLE users (
    id               TEXT PRIMARY KEY,
    email            TEXT NOT NULL,
    email_normalized TEXT NOT NULL UNIQUE,
    password_hash    TEXT NOT NULL,
    security_stamp   TEXT NOT NULL,
    language         TEXT NOT NULL DEFAULT 'nl',
    created_at       TEXT NOT NULL
);

CREATE TABLE organisations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE memberships (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'editor')),
    created_at      TEXT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX ix_memberships_user ON memberships (user_id);

-- One protocol per organisation: the answers file (YAML) plus where the interview stands.
CREATE TABLE protocols (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    answers         TEXT NOT NULL,
    status          TEXT NOT NULL,
    current_step    TEXT NULL,
    revision        INTEGER NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NULL
);

-- ASP.NET Core data-protection key ring, shared by every instance.
CREATE TABLE data_protection_keys (
    friendly_name TEXT PRIMARY KEY,
    xml           TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

-- Every login attempt, by normalised e-mail (also for unknown addresses): the lockout reads it.
CREATE TABLE login_attempts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    email_normalized TEXT NOT NULL,
    succeeded        INTEGER NOT NULL,
    at               TEXT NOT NULL
);
CREATE INDEX ix_login_attempts_email ON login_attempts (email_normalized, id);
