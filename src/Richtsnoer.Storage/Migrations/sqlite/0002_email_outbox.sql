-- Outgoing e-mail. A message is written in the transaction of the change that causes it; a
-- background sender claims due rows for a short lease, sends them over SMTP and records the
-- outcome. Without SMTP configured, rows stay 'pending' and owners read them in the app.
CREATE TABLE email_outbox (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NULL REFERENCES organisations (id) ON DELETE SET NULL,
    template        TEXT NOT NULL,
    language        TEXT NOT NULL CHECK (language IN ('nl', 'en')),
    to_address      TEXT NOT NULL,
    to_name         TEXT NULL,
    subject         TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    html_body       TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_by      TEXT NULL,
    claimed_until   TEXT NULL,
    last_error      TEXT NULL,
    created_at      TEXT NOT NULL,
    sent_at         TEXT NULL
);
CREATE INDEX ix_email_outbox_due ON email_outbox (status, next_attempt_at);
CREATE INDEX ix_email_outbox_organisation ON email_outbox (organisation_id, created_at);
