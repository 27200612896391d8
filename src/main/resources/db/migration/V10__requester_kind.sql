-- Who asked for an export is a name and a kind (rows written without one are a person's): a person (user), a schedule, or the inbox. A user named like a
-- schedule, or named "inbox", is not that schedule or the inbox: access decisions compare both.
alter table export_jobs add column requester_kind text not null default 'user'
  check (requester_kind in ('user', 'schedule', 'inbox'));
update export_jobs set requester_kind = case trigger when 'schedule' then 'schedule' when 'file' then 'inbox' else 'user' end;

drop index export_jobs_requested_by_idx;
create index export_jobs_requested_by_idx on export_jobs (requested_by, requester_kind, created_at desc);

-- The history keeps the kind too. The rows written before it existed get it from their trigger, once, here: the
-- append-only guard is lifted for this migration only.
alter table export_history add column requester_kind text not null default 'user'
  check (requester_kind in ('user', 'schedule', 'inbox'));
alter table export_history disable trigger export_history_append_only;
update export_history set requester_kind = case trigger when 'schedule' then 'schedule' when 'file' then 'inbox' else 'user' end
  where trigger <> 'http';
alter table export_history enable trigger export_history_append_only;
