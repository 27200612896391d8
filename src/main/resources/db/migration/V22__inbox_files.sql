-- The files the inbox took and what became of each: a job, or refused with the reason (also in .error/).
create table inbox_files (
    id           bigserial primary key,
    name         text not null,
    received_at  timestamptz not null default now(),
    outcome      text not null check (outcome in ('job', 'refused')),
    job_id       uuid,
    error        text
);

create index inbox_files_received_idx on inbox_files (received_at desc, id desc);
