-- Outgoing e-mail. A message is written in the transaction of the change that causes it; a
-- background sender claims due rows (FOR UPDATE SKIP LOCKED) for a short lease, sends them over
-- SMTP and records the outcome. Without SMTP configured, rows stay 'pending' and owners read them
-- in the app.
CREATE TABLE email_outbox (
    id              uuid PRIMARY KEY,
    organisation_id uuid NULL REFERENCES organisations (id) ON DELETE SET NULL,
    template        text NOT NULL,
    language        text NOT NULL CHECK (language IN ('nl', 'en')),
    to_address      text NOT NULL,
    to_name         text NULL,
    subject         text NOT NULL,
    text_body       text NOT NULL,
    html_body       text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_by      text NULL,
    claimed_until   timestamptz NULL,
    last_error      text NULL,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz NULL
);
CREATE INDEX ix_email_outbox_due ON email_outbox (status, next_attempt_at);
CREATE INDEX ix_email_outbox_organisation ON email_outbox (organisation_id, created_at);
