//! Database migrations of Métiers du Numérique, one file per migration.
//!
//! Applied by `metiers migrate` and at `metiers serve` start-up. Each later feature adds its own
//! migration file here and lists it in [`Migrator::migrations`].

pub use sea_orm_migration::prelude::*;

mod m20261129_000001_initial;
mod m20261129_000002_offer_search;
mod m20261129_000003_sessions;
mod m20261129_000004_invitations;
mod m20261129_000005_session_ministry;
mod m20261129_000006_outbox_and_login_links;
mod m20261129_000007_proposals;
mod m20261129_000008_offer_illustrations;
mod m20261129_000009_jobs;
mod m20261129_000010_offer_expiry_in_place;
mod m20261130_000011_applications;
mod m20261201_000012_outbox_extras;
mod m20261201_000013_alerts;
mod m20261201_000014_talents;
mod m20261201_000015_data_requests;
mod m20261201_000016_apply_clicks;
mod m20261201_000017_statistics;
mod m20261201_000018_ministry_short_name;
mod m20261202_000019_content_changes;
mod m20261202_000020_one_change_number_per_transaction;
mod m20261202_000021_change_counter_locked_first;
mod m20261203_000022_api_tokens;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_initial::Migration),
            Box::new(m20261129_000002_offer_search::Migration),
            Box::new(m20261129_000003_sessions::Migration),
            Box::new(m20261129_000004_invitations::Migration),
            Box::new(m20261129_000005_session_ministry::Migration),
            Box::new(m20261129_000006_outbox_and_login_links::Migration),
            Box::new(m20261129_000007_proposals::Migration),
            Box::new(m20261129_000008_offer_illustrations::Migration),
            Box::new(m20261129_000009_jobs::Migration),
            Box::new(m20261129_000010_offer_expiry_in_place::Migration),
            Box::new(m20261130_000011_applications::Migration),
            Box::new(m20261201_000012_outbox_extras::Migration),
            Box::new(m20261201_000013_alerts::Migration),
            Box::new(m20261201_000014_talents::Migration),
            Box::new(m20261201_000015_data_requests::Migration),
            Box::new(m20261201_000016_apply_clicks::Migration),
            Box::new(m20261201_000017_statistics::Migration),
            Box::new(m20261201_000018_ministry_short_name::Migration),
            Box::new(m20261202_000019_content_changes::Migration),
            Box::new(m20261202_000020_one_change_number_per_transaction::Migration),
            Box::new(m20261202_000021_change_counter_locked_first::Migration),
            Box::new(m20261203_000022_api_tokens::Migration),
        ]
    }
}
