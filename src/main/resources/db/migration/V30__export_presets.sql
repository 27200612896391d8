-- Saved export setups. A preset belongs to the user who saved it; an ADMIN may share one with everyone (and
-- schedules and inbox files may name shared ones only). Shared names are one namespace, so a schedule's preset
-- name means one thing; a user's own preset of the same name comes first for that user.
create table export_presets (
  id          bigserial unique,
  owner       text not null,
  name        text not null check (name ~ '^[a-z0-9-]{1,64}$'),
  shared      boolean not null default false,
  request     jsonb not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  updated_by  text not null,
  primary key (owner, name)
);
create unique index export_presets_shared_name on export_presets (name) where shared;
