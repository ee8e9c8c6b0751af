-- Credential changes reach every API instance, so live streams end when their access ends.
--
-- Revoking a key, disabling a user, logging out, or changing a role, scopes or member link
-- bumps one counter and notifies the `yiping_credentials` channel when the transaction commits.
-- Stream hubs LISTEN on the channel (PostgreSQL server) and poll the counter (the safety net,
-- and the only signal on the embedded database, where NOTIFY does not cross connections); on a
-- change each open stream re-reads its own credential and ends if it no longer grants the same.
-- Expiry needs no signal: each stream ends by a timer at its key's or session's expiry.

CREATE TABLE credential_changes (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version  bigint NOT NULL
);
INSERT INTO credential_changes (version) VALUES (0);

CREATE FUNCTION credential_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE credential_changes SET version = version + 1;
  PERFORM pg_notify('yiping_credentials', '');
  RETURN NULL;
END $$;

-- Row triggers with a WHEN clause, so only real changes count: `last_used_at` (written on key
-- use), `updated_at` and new sessions (log-in) never do.
CREATE TRIGGER api_keys_credential_changed
  AFTER UPDATE OF revoked_at, expires_at, role, scopes, member_id, secret_hash ON api_keys
  FOR EACH ROW WHEN (
    OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR OLD.role IS DISTINCT FROM NEW.role OR OLD.scopes IS DISTINCT FROM NEW.scopes
    OR OLD.member_id IS DISTINCT FROM NEW.member_id OR OLD.secret_hash IS DISTINCT FROM NEW.secret_hash
  ) EXECUTE FUNCTION credential_changed();
CREATE TRIGGER api_keys_credential_deleted AFTER DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION credential_changed();

CREATE TRIGGER users_credential_changed
  AFTER UPDATE OF disabled, role, scopes, member_id ON users
  FOR EACH ROW WHEN (
    OLD.disabled IS DISTINCT FROM NEW.disabled OR OLD.role IS DISTINCT FROM NEW.role
    OR OLD.scopes IS DISTINCT FROM NEW.scopes OR OLD.member_id IS DISTINCT FROM NEW.member_id
  ) EXECUTE FUNCTION credential_changed();
CREATE TRIGGER users_credential_deleted AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION credential_changed();

CREATE TRIGGER sessions_credential_changed
  AFTER UPDATE OF revoked_at, expires_at ON sessions
  FOR EACH ROW WHEN (
    OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
  ) EXECUTE FUNCTION credential_changed();
CREATE TRIGGER sessions_credential_deleted AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION credential_changed();
