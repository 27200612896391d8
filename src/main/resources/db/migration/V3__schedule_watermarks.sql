-- Incremental schedules deliver the leads updated since the last successful delivery. The watermark is the start
-- of that delivery's job, and it only ever moves forward, and only when a delivery succeeded: after a failure, the
-- next run delivers what was missed.
create table schedule_watermarks (
  schedule       text primary key,
  updated_since  timestamptz not null,
  job_id         uuid not null,
  advanced_at    timestamptz not null default now()
);
