-- A notification is claimed by the send that is about to deliver it, so a message queued twice (the finish route's,
-- and the sweep's after an instance stopped before sending it) goes out once. A claim lapses: a send that died with
-- its instance leaves the message to the next sweep.
alter table export_notifications add column claimed_until timestamptz;

create index export_notifications_pending_idx on export_notifications (created_at) where status = 'pending';
