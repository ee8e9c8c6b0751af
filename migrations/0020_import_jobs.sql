-- Import jobs (issue 16): one row per import, over HTTP (`POST /api/v1/imports`) or from the
-- command line (`npm run import`), so the admin page shows the history of both. The owner pool
-- reads and writes it; the scoped role (yiping_app) has no grant.
--
-- `heartbeat_at` is touched by the process that holds a queued or running job; a job whose
-- heartbeat has stopped belonged to a process that died, and is marked failed (api/db/import-jobs.ts).
-- `preview` keeps the converted features of a dry run for the map preview (null otherwise);
-- `topology` the grid topology check of a grid or admin-area import (null otherwise).
CREATE TABLE IF NOT EXISTS import_jobs (
  id            bigserial PRIMARY KEY,
  collection    text NOT NULL,
  file_name     text NOT NULL,
  file_bytes    bigint NOT NULL CHECK (file_bytes >= 0),
  options       jsonb NOT NULL,
  status        text NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'succeeded', 'rejected', 'failed')),
  stage         text NOT NULL DEFAULT 'queued',
  done          integer NOT NULL DEFAULT 0,
  total         integer NOT NULL DEFAULT 0,
  detection     jsonb,
  counts        jsonb,
  problems      jsonb NOT NULL DEFAULT '[]'::jsonb,
  problem_count integer NOT NULL DEFAULT 0,
  error         text,
  preview       jsonb,
  topology      jsonb,
  actor         text NOT NULL,
  created_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  heartbeat_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS import_jobs_history_idx ON import_jobs (id DESC);
CREATE INDEX IF NOT EXISTS import_jobs_open_idx ON import_jobs (heartbeat_at)
  WHERE status IN ('queued', 'running');
