-- The statistics overview at city scale (issue 15). The baselines count the incidents open at an
-- earlier instant as those open now plus those whose final event (closed, rejected, merged) came
-- after it: this index makes "final events after an instant" a short range instead of a scan of
-- the whole event log.
CREATE INDEX incident_events_final_at_idx ON incident_events (at)
  WHERE NOT incident_is_open(to_status);

-- The head of the event log as of the calling statement's snapshot, whatever the caller's scope:
-- the overview keeps its counts of final incidents in memory and adds what came after the head
-- it last saw. Only a sequence number crosses the scope, never a row.
CREATE FUNCTION yiping_event_head() RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(max(seq), 0) FROM incident_events
$$;
GRANT EXECUTE ON FUNCTION yiping_event_head() TO yiping_app;
