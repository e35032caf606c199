-- Invitations to work on an organisation's protocol. The invitation goes to an address, not to an
-- account, so inviting reveals nothing about who has an account. Only the SHA-256 of the token
-- is stored; an invitation is accepted once, by a signed-in account with the invited address.
CREATE TABLE member_invitations (
    id               uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email            text NOT NULL,
    email_normalized text NOT NULL,
    role             text NOT NULL CHECK (role IN ('editor', 'works_council')),
    token_hash       text NOT NULL UNIQUE,
    invited_by       uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz NULL,
    accepted_by      uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    revoked_at       timestamptz NULL
);
CREATE INDEX ix_member_invitations_org ON member_invitations (organisation_id, created_at);

-- Registration by e-mail link, when registration is verified: a request for a new address
-- carries a token (its SHA-256 here); a request for an address that already has an account
-- carries none (its owner gets a notice instead). Both count towards the hourly limit.
CREATE TABLE registration_requests (
    id               uuid PRIMARY KEY,
    email            text NOT NULL,
    email_normalized text NOT NULL,
    token_hash       text NULL UNIQUE,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    used_at          timestamptz NULL
);
CREATE INDEX ix_registration_requests_email ON registration_requests (email_normalized, created_at);
