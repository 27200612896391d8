-- Export jobs: the queue, the progress and the file of every background export. Several instances may share the
-- table: workers claim queued jobs with FOR UPDATE SKIP LOCKED, prove they are alive with a heartbeat, and finish a
-- job only while they still hold its attempt (fencing), so a job runs once and a stale worker cannot finish it.
create table export_jobs (
  id                  uuid primary key,
  status              text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  trigger             text not null check (trigger in ('http', 'schedule', 'file')),
  requested_by        text not null,
  requested_roles     text not null,
  request             jsonb not null,
  destination         text not null,
  source              text,            -- what started it, e.g. the inbox file or the schedule tick; unique when set
  processed           bigint not null default 0,
  total               bigint,
  rows_per_second     double precision,
  file_name           text,
  file_path           text,
  file_size           bigint,
  file_sha256         text,
  expires_at          timestamptz,
  file_deleted_at     timestamptz,
  delivery            text,            -- where the file went, for destinations other than download
  attempt             integer not null default 0,
  worker              text,
  heartbeat_at        timestamptz,
  cancel_requested    boolean not null default false,
  created_at          timestamptz not null default now(),
  started_at          timestamptz,
  finished_at         timestamptz,
  error               text
);

create unique index export_jobs_source_idx on export_jobs (source) where source is not null;
create index export_jobs_queue_idx on export_jobs (created_at) where status = 'queued';
create index export_jobs_running_idx on export_jobs (heartbeat_at) where status = 'running';
create index export_jobs_requested_by_idx on export_jobs (requested_by, created_at desc);
create index export_jobs_expiry_idx on export_jobs (expires_at) where file_deleted_at is null and file_path is not null;

-- Export history: one row for every finished export, whatever triggered it. Append-only: the application only
-- inserts, and the database refuses anything else.
create table export_history (
  id            bigserial primary key,
  job_id        uuid not null,
  finished_at   timestamptz not null,
  requested_by  text not null,
  trigger       text not null,
  format        text not null,
  template      text not null,
  fields        jsonb not null,
  filter        jsonb not null,
  national_id   text not null,
  rows          bigint,
  status        text not null,
  destination   text not null,
  file_name     text,
  file_size     bigint,
  duration_ms   bigint,
  error         text
);

create index export_history_finished_idx on export_history (finished_at desc);
create index export_history_user_idx on export_history (requested_by, finished_at desc);

create function export_history_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'export_history is append-only';
end;
$$;

create trigger export_history_append_only before update or delete on export_history
  for each statement execute function export_history_is_append_only();
