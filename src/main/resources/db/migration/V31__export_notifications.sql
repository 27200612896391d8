-- Who is told when a background export ends, and whether they were. One row per job that someone asked to hear
-- about: the user who started it (when it succeeds or fails), or a schedule's notify-on-failure addresses (when it
-- fails). No row: nobody is notified ("off" in the job view).
create table export_notifications (
  job_id      uuid primary key references export_jobs (id) on delete cascade,
  recipients  text not null,
  on_success  boolean not null,
  status      text not null check (status in ('pending', 'sent', 'failed', 'off')),
  attempts    integer not null default 0,
  error       text,
  sent_at     timestamptz,
  created_at  timestamptz not null default now()
);
