-- The audit log: who did what, when and from where (sign-in failures, previews, downloads, plain national-ID exports,
-- schedule operations, preset saves and shares, file deletions, erasures). Append-only, like the export history.
create table audit_log (
  id        bigserial primary key,
  at        timestamptz not null,
  actor     text not null,           -- the user name (for a failed sign-in: the name that was tried)
  address   text,                    -- the client's address, where the action came over HTTP
  action    text not null,
  target    text,                    -- what it was done to: a job id, a schedule or preset name, a file name
  details   jsonb not null default '{}'::jsonb
);

create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_actor_idx on audit_log (actor, at desc);
create index audit_log_action_idx on audit_log (action, at desc);

-- One guard for the append-only tables. It refuses UPDATE and DELETE with exactly two exceptions, each switched on by
-- a transaction-local setting (set_config(..., true)) that only the application's retention sweep and erasure set:
--   lead_export.retention_cutoff = <timestamptz>: DELETE of a row whose time column (argument 0) is before the cutoff;
--   lead_export.erasure = 'on': UPDATE that changes nothing but the columns that may hold the erased value
--                              (arguments 1..n): every other column of the row must stay as it was.
create function append_only_guard() returns trigger language plpgsql as $$
declare
  cutoff text := current_setting('lead_export.retention_cutoff', true);
  redactable text[] := TG_ARGV[1:];
begin
  if TG_OP = 'DELETE' then
    if coalesce(cutoff, '') <> '' and (to_jsonb(old) ->> TG_ARGV[0])::timestamptz < cutoff::timestamptz then
      return old;
    end if;
  elsif TG_OP = 'UPDATE' then
    if coalesce(current_setting('lead_export.erasure', true), '') = 'on'
        and (to_jsonb(new) - redactable) = (to_jsonb(old) - redactable) then
      return new;
    end if;
  end if;
  raise exception '% is append-only', TG_TABLE_NAME;
end;
$$;

create function append_only_no_truncate() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', TG_TABLE_NAME;
end;
$$;

drop trigger export_history_append_only on export_history;
drop function export_history_is_append_only();

create trigger export_history_append_only before update or delete on export_history
  for each row execute function append_only_guard('finished_at', 'filter', 'file_name', 'error');
create trigger export_history_no_truncate before truncate on export_history
  for each statement execute function append_only_no_truncate();

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function append_only_guard('at', 'target', 'details');
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function append_only_no_truncate();
