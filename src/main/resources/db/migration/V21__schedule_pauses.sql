-- A paused schedule: state kept beside the configuration (which says what a schedule does), shared by every
-- instance and kept across restarts. A tick of a paused schedule is skipped; resuming does not replay it.
create table schedule_pauses (
    schedule   text primary key,
    paused_at  timestamptz not null default now(),
    paused_by  text not null
);
