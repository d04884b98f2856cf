//! sea-orm entities, one file per table. Domain rules live in the domain modules, not here.

pub mod alert_deliveries;
pub mod alerts;
pub mod applications;
pub mod apply_clicks;
pub mod audit_log;
pub mod data_requests;
pub mod invitations;
pub mod job_runs;
pub mod login_attempts;
pub mod login_links;
pub mod media;
pub mod memberships;
pub mod offer_contract_types;
pub mod offer_reminders;
pub mod offers;
pub mod outbox;
pub mod revisions;
pub mod sessions;
pub mod stories;
pub mod structures;
pub mod talent_contacts;
pub mod talent_hidden_tenants;
pub mod talents;
pub mod tenants;
pub mod users;
