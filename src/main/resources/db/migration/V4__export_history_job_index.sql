-- The finish route writes a job's history row once (a retried tap finds it there), and the history sweep looks
-- for finished jobs without one: both look rows up by job.
create index export_history_job_idx on export_history (job_id);
