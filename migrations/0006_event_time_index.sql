-- Statistics read the event log by type and time (closures today, the hourly series, medians).
CREATE INDEX incident_events_type_at_idx ON incident_events (type, at);
