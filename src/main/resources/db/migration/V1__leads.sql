-- The lead table is the contract with the lead-capture system (SPEC section 2): created only where it is missing.
create table if not exists leads (
  id                     uuid primary key default gen_random_uuid(),
  full_name              text not null,
  phone                  text,
  email                  text,
  national_id            text,
  address_line1          text,
  address_line2          text,
  city                   text,
  region                 text,
  postal_code            text,
  country                text,
  policy_of_interest     text,
  preferred_contact_time text,
  notes                  text,
  status                 text not null default 'new',
  conversation_id        text,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now()
);

-- Exports stream in (created_at, id) order; date-range filters use the same index.
create index if not exists leads_created_at_id_idx on leads (created_at, id);
-- Incremental deliveries and updated-date filters.
create index if not exists leads_updated_at_idx on leads (updated_at);
create index if not exists leads_status_idx on leads (status);
create index if not exists leads_policy_lower_idx on leads (lower(policy_of_interest));
create index if not exists leads_country_upper_idx on leads (upper(country));
