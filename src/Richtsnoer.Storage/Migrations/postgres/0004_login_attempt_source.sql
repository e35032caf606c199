-- Where a login attempt came from, as a pseudonym of the IP address (see decision 013), so
-- guessing from one address across many accounts slows down too. Kept for a day at most.
ALTER TABLE login_attempts ADD COLUMN source text NULL;
CREATE INDEX ix_login_attempts_source ON login_attempts (source, id);
CREATE INDEX ix_login_attempts_at ON login_attempts (at);
