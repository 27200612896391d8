-- Rows as the first release wrote them, on the schema of V1-V3 (before this round's migrations): what
-- JobStore.insert/succeeded/finish, ExportHistory.record and ScheduledExports left in the database. Requests are
-- stored in RequestSummary's canonical form. @STORAGE@ is the storage folder of the test: files lived in
-- storage/<jobId>/<file name>. UpgradeTest migrates this database and reads everything back through the API.

insert into leads (id, full_name, phone, email, national_id, country, policy_of_interest, notes, status, created_at, updated_at)
values ('0a000000-0000-4000-8000-000000000001', 'Jürgen Singh', '(213) 450-4424', 'jurgen.singh421@example.net',
        '123-45-6789', 'US', 'Auto', 'Prefers e-mail, "after 5"', 'new', '2026-01-01 19:17:06+00', '2026-01-01 19:17:06+00'),
       ('0a000000-0000-4000-8000-000000000002', 'O''Brien, Ángel', '+49 30 8123483', 'angel.obrien@example.de',
        null, 'DE', 'Home', null, 'new', '2026-01-03 02:46:07+00', '2026-01-03 02:46:07+00');

-- A download that succeeded; its file is still on disk.
insert into export_jobs (id, status, trigger, requested_by, requested_roles, request, destination, source, processed,
                         total, rows_per_second, file_name, file_path, file_size, file_sha256, expires_at, attempt,
                         worker, created_at, started_at, finished_at)
values ('11111111-1111-4111-8111-111111111111', 'succeeded', 'http', 'admin', 'ADMIN',
        '{"format": "csv", "template": "basic", "fields": ["fullName", "phone", "email", "status", "createdAt"], "filter": {"status": ["new"], "createdFrom": "2026-01-01"}, "nationalId": "masked", "destination": "download", "csvBom": false}',
        'download', null, 2, 2, 812.5,
        'leads_export_basic_status-new_created-from-2026-01-01_2026-11-20_101500.csv',
        '@STORAGE@/11111111-1111-4111-8111-111111111111/leads_export_basic_status-new_created-from-2026-01-01_2026-11-20_101500.csv',
        215, '7ce883ddb4b8da7cc55bb94451c944cfec59bb6811a6f84cfdacd113793e4fb8', '2999-01-01 00:00:00+00', 1,
        'old-instance', '2026-11-20 10:15:00+00', '2026-11-20 10:15:00.2+00', '2026-11-20 10:15:00.9+00');

-- A MANAGER's XLSX with chosen fields and a search; its file expired long ago.
insert into export_jobs (id, status, trigger, requested_by, requested_roles, request, destination, source, processed,
                         total, rows_per_second, file_name, file_path, file_size, file_sha256, expires_at,
                         file_deleted_at, attempt, worker, created_at, started_at, finished_at)
values ('22222222-2222-4222-8222-222222222222', 'succeeded', 'http', 'manager', 'MANAGER',
        '{"format": "xlsx", "template": "full", "fields": ["email", "fullName"], "filter": {"country": ["DE"], "search": "brien"}, "nationalId": "omitted", "destination": "download", "csvBom": false}',
        'download', null, 1, 1, 95.1, 'leads_export_country-de_search_2026-11-19_090000.xlsx',
        '@STORAGE@/22222222-2222-4222-8222-222222222222/leads_export_country-de_search_2026-11-19_090000.xlsx',
        4823, 'd2a84f4b8b650937ec8f73cd8be2ac74dd5a9e5b2e0a2f0d8c4d0a1b2c3d4e5f', '2026-11-20 09:00:01+00',
        '2026-11-20 09:01:00+00', 1, 'old-instance', '2026-11-19 09:00:00+00', '2026-11-19 09:00:00.1+00',
        '2026-11-19 09:00:01+00');

-- A nightly schedule run that failed at the CRM's SFTP drop.
insert into export_jobs (id, status, trigger, requested_by, requested_roles, request, destination, source, processed,
                         total, attempt, worker, created_at, started_at, finished_at, error)
values ('33333333-3333-4333-8333-333333333333', 'failed', 'schedule', 'nightly', 'ADMIN',
        '{"format": "csv", "template": "crm", "fields": ["fullName", "phone", "email", "policyOfInterest"], "filter": {"updatedFrom": "2026-11-18T02:00:00Z"}, "nationalId": "masked", "destination": "crm", "csvBom": false}',
        'crm', 'schedule:nightly:2026-11-20T02:00:00Z', 2, 2, 1, 'old-instance', '2026-11-20 02:00:00+00',
        '2026-11-20 02:00:00.3+00', '2026-11-20 02:00:05+00',
        'SFTP delivery to ''crm'' failed: Connection refused (sftp.crm.example:22)');

-- An inbox file's export, cancelled while it ran.
insert into export_jobs (id, status, trigger, requested_by, requested_roles, request, destination, source, processed,
                         total, attempt, worker, cancel_requested, created_at, started_at, finished_at, error)
values ('44444444-4444-4444-8444-444444444444', 'cancelled', 'file', 'inbox', 'ADMIN',
        '{"format": "json", "template": "full", "fields": ["leadId", "fullName", "phone", "email", "nationalId", "address", "policyOfInterest", "preferredContactTime", "notes", "status", "createdAt", "updatedAt", "conversationId", "conversationUrl"], "filter": {}, "nationalId": "masked", "destination": "outbox", "csvBom": false}',
        'outbox', 'inbox:weekly.json:1732000000000', 1, 2, 1, 'old-instance', true, '2026-11-18 12:00:00+00',
        '2026-11-18 12:00:00.1+00', '2026-11-18 12:00:01+00', 'Cancelled');

insert into export_history (job_id, finished_at, requested_by, trigger, format, template, fields, filter, national_id,
                            rows, status, destination, file_name, file_size, duration_ms, error)
values ('11111111-1111-4111-8111-111111111111', '2026-11-20 10:15:00.9+00', 'admin', 'http', 'csv', 'basic',
        '["fullName", "phone", "email", "status", "createdAt"]', '{"status": ["new"], "createdFrom": "2026-01-01"}',
        'masked', 2, 'succeeded', 'download',
        'leads_export_basic_status-new_created-from-2026-01-01_2026-11-20_101500.csv', 215, 700, null),
       ('22222222-2222-4222-8222-222222222222', '2026-11-19 09:00:01+00', 'manager', 'http', 'xlsx', 'full',
        '["email", "fullName"]', '{"country": ["DE"], "search": "brien"}', 'omitted', 1, 'succeeded', 'download',
        'leads_export_country-de_search_2026-11-19_090000.xlsx', 4823, 900, null),
       ('33333333-3333-4333-8333-333333333333', '2026-11-20 02:00:05+00', 'nightly', 'schedule', 'csv', 'crm',
        '["fullName", "phone", "email", "policyOfInterest"]', '{"updatedFrom": "2026-11-18T02:00:00Z"}', 'masked',
        2, 'failed', 'crm', null, null, 4700, 'SFTP delivery to ''crm'' failed: Connection refused (sftp.crm.example:22)'),
       ('44444444-4444-4444-8444-444444444444', '2026-11-18 12:00:01+00', 'inbox', 'file', 'json', 'full',
        '["leadId", "fullName", "phone", "email", "nationalId", "address", "policyOfInterest", "preferredContactTime", "notes", "status", "createdAt", "updatedAt", "conversationId", "conversationUrl"]',
        '{}', 'masked', 1, 'cancelled', 'outbox', null, null, 900, 'Cancelled');

insert into schedule_watermarks (schedule, updated_since, job_id, advanced_at)
values ('nightly', '2026-11-18 02:00:00+00', '0b000000-0000-4000-8000-000000000001', '2026-11-19 02:00:09+00');
