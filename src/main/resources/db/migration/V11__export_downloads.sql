-- Synchronous downloads (GET /api/leads/export) while they run: one row each, renewed by its instance's heartbeat.
-- The rows count a user's running downloads on every instance, and tell the storage sweep which download folders
-- are still being written (a folder whose row is gone or stale was left by a crash).
create table export_downloads (
  id             uuid primary key,
  requested_by   text not null,
  requester_kind text not null,
  worker         text not null,
  started_at     timestamptz not null default now(),
  heartbeat_at   timestamptz not null default now()
);

create index export_downloads_requester_idx on export_downloads (requested_by, requester_kind);
