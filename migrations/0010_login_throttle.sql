-- Log-in throttling without fixed windows: one row per failed log-in, shared by every API
-- instance. The policy (api/domain/login-throttle.ts) reads the recent rows of an attempt's
-- address and account: growing waits per address-and-account pair and per account, a sliding
-- count per address. An attempt is written here before its password is checked (under advisory
-- locks on its address and account), so guesses sent at the same moment see each other; a
-- success deletes its own row and the account's earlier failures.
--
-- Replaces the fixed-window 'login-ip:' and 'login-user:' buckets in rate_limits.

CREATE TABLE login_failures (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      timestamptz NOT NULL,
  address text NOT NULL,
  account text
);
CREATE INDEX login_failures_address ON login_failures (address, at);
CREATE INDEX login_failures_account ON login_failures (account, at) WHERE account IS NOT NULL;
CREATE INDEX login_failures_at ON login_failures (at);

DELETE FROM rate_limits WHERE bucket LIKE 'login-ip:%' OR bucket LIKE 'login-user:%';
