-- 0001: the job queue. A job is queued (waiting for run_at), running
-- (claimed by a worker until locked_until, which the worker's heartbeat
-- extends), done, or dead (failed max_attempts times, or failed for good).

CREATE TABLE jobs (
	id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind         text NOT NULL,
	-- Set by the enqueuer to make enqueueing idempotent: a second job with
	-- the same key is not added.
	key          text UNIQUE,
	payload      bytea NOT NULL,
	state        text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'dead')),
	attempts     integer NOT NULL DEFAULT 0,
	max_attempts integer NOT NULL CHECK (max_attempts > 0),
	run_at       timestamptz NOT NULL DEFAULT now(),
	locked_by    text,
	locked_until timestamptz,
	last_error   text,
	result       text,
	created_at   timestamptz NOT NULL DEFAULT now(),
	updated_at   timestamptz NOT NULL DEFAULT now()
);
-- What Claim scans: queued jobs in order. Partial, so done jobs cost
-- nothing however many pile up.
CREATE INDEX jobs_ready ON jobs (run_at, id) WHERE state = 'queued';
-- What the reaper scans: running jobs by lease end.
CREATE INDEX jobs_leases ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_dead ON jobs (updated_at) WHERE state = 'dead';
