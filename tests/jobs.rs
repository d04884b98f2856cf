//! Scheduled jobs with a controlled clock, on SQLite and PostgreSQL: an offer leaves the portal
//! at the exact minute it expires and becomes expired; reminders go once, 7 days and 1 day
//! before, also when a run was cut half-way; a scheduled publication shows on its day;
//! personal data past its retention goes; two instances on one PostgreSQL database run a tick
//! once; DINUM admins see every run, failures included, and run a job now.

use crate::support::{Backend, TestApp, fixtures, texts};
use chrono::{DateTime, Duration, DurationRound, Utc};
use metiers::{
    accounts::Role,
    app::AppState,
    entities::{audit_log, job_runs, offer_reminders, offers, outbox, sessions},
    jobs::{self, Job, Trigger},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

on_both_backends!(
    offers_expire_at_their_minute,
    reminders_go_once_each,
    scheduled_publications_show_on_their_day,
    personal_data_goes_after_its_retention,
    admins_see_every_run,
);

mod postgres_instances {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_instances_run_a_tick_once() {
        super::two_instances_run_a_tick_once().await
    }
}

/// A moment on a whole minute, to count from.
fn start() -> DateTime<Utc> {
    (Utc::now() + Duration::days(1))
        .duration_trunc(Duration::minutes(1))
        .unwrap()
}

/// Runs `job` as its schedule would at the app's current time; returns how many rows it
/// touched.
async fn run(app: &TestApp, job: Job) -> i64 {
    let ran = jobs::run(&app.state.jobs(), job, app.state.now(), Trigger::Schedule)
        .await
        .unwrap()
        .expect("nothing else runs this tick");
    assert_eq!(ran.error, None, "{}", job.name());
    ran.rows_affected.unwrap()
}

/// A published offer of a new ministry expiring at `expires_at`, written by `author`.
async fn offer_expiring(
    app: &TestApp,
    tenant_id: i32,
    title: &str,
    expires_at: DateTime<Utc>,
    author: Option<i32>,
) -> offers::Model {
    let tenant = metiers::entities::tenants::Entity::find_by_id(tenant_id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let mut new = fixtures::published(&tenant, title);
    new.expires_at = Some(expires_at);
    new.published_at = Some(expires_at - Duration::days(60));
    new.created_by = author;
    fixtures::offer(app, &tenant, new).await
}

async fn status(app: &TestApp, id: i32) -> String {
    offers::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .status
        .to_string()
}

async fn offers_expire_at_their_minute(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let deadline = start() + Duration::hours(3);
    let offer = offer_expiring(&app, tenant.id, "Capitaine des données", deadline, None).await;
    let page = format!("/offres/{}", offer.slug);

    app.state.clock.set(deadline - Duration::seconds(1));
    assert_eq!(run(&app, Job::ExpireOffers).await, 0, "not a second early");
    assert_eq!(app.page(&page).await.0, 200);
    assert!(
        app.page("/offres")
            .await
            .1
            .contains("Capitaine des données")
    );

    app.state.clock.set(deadline);
    assert_eq!(app.page(&page).await.0, 410, "gone at its minute");
    assert!(
        !app.page("/offres")
            .await
            .1
            .contains("Capitaine des données")
    );
    assert_eq!(run(&app, Job::ExpireOffers).await, 1);
    assert_eq!(status(&app, offer.id).await, "expired");
    assert_eq!(app.page(&page).await.0, 410);
    app.state.clock.set(deadline + Duration::minutes(1));
    assert_eq!(run(&app, Job::ExpireOffers).await, 0, "once");
}

/// The reminders in the outbox: (recipient, subject).
async fn reminders(app: &TestApp) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("expiry_reminder"))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|mail| (mail.recipient, mail.subject))
        .collect();
    found.sort();
    found
}

async fn reminders_go_once_each(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let author = app
        .signed_in("redaction@mer.gouv.fr", false, &[(tenant.id, Role::Editor)])
        .await;
    app.signed_in(
        "responsable@mer.gouv.fr",
        false,
        &[(tenant.id, Role::Manager)],
    )
    .await;
    let now = start();
    let deadline = now + Duration::days(7) - Duration::hours(1);
    let first = offer_expiring(&app, tenant.id, "Pilote", deadline, Some(author.user.id)).await;
    let second = offer_expiring(&app, tenant.id, "Navigatrice", deadline, None).await;

    // A run cut short had reminded the first offer only: the next one does the second.
    offer_reminders::ActiveModel {
        offer_id: Set(first.id),
        days_before: Set(7),
        expires_at: Set(deadline),
        sent_at: Set(now - Duration::minutes(5)),
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    app.state.clock.set(now);
    assert_eq!(run(&app, Job::ExpiryReminders).await, 1);
    assert_eq!(
        reminders(&app).await,
        [(
            "responsable@mer.gouv.fr".to_owned(),
            "Une offre expire bientôt : Navigatrice".to_owned()
        )],
        "the second offer has no author: its managers only"
    );
    app.state.clock.set(now + Duration::hours(1));
    assert_eq!(run(&app, Job::ExpiryReminders).await, 0, "not twice");

    // The day before, both get their last reminder, each once.
    app.state.clock.set(deadline - Duration::hours(20));
    assert_eq!(run(&app, Job::ExpiryReminders).await, 2);
    app.state.clock.set(deadline - Duration::hours(19));
    assert_eq!(run(&app, Job::ExpiryReminders).await, 0);
    let sent = reminders(&app).await;
    assert_eq!(sent.len(), 4, "{sent:?}");
    assert!(sent.contains(&(
        "redaction@mer.gouv.fr".to_owned(),
        "Une offre expire bientôt : Pilote".to_owned()
    )));
    let body = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("expiry_reminder"))
        .filter(outbox::Column::Recipient.eq("redaction@mer.gouv.fr"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .text_body;
    assert!(
        body.contains(&app.url(&format!("/admin/offres/{}", first.id))) && body.contains("1 jour"),
        "{body}"
    );
    let _ = second;
}

async fn scheduled_publications_show_on_their_day(backend: Backend) {
    let app = TestApp::start(backend).await;
    let tenant = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    let day = start() + Duration::days(2);
    let offer = offer_expiring(
        &app,
        tenant.id,
        "Hydrographe",
        day + Duration::days(60),
        None,
    )
    .await;
    let mut scheduled = offer.clone().into_active_model();
    scheduled.published_at = Set(Some(day));
    scheduled.update(&app.state.db).await.unwrap();
    let page = format!("/offres/{}", offer.slug);

    app.state.clock.set(day - Duration::minutes(1));
    assert_eq!(run(&app, Job::PublishScheduled).await, 0);
    assert_eq!(app.page(&page).await.0, 404, "not before its day");
    app.state.clock.set(day);
    assert_eq!(run(&app, Job::PublishScheduled).await, 1);
    assert_eq!(app.page(&page).await.0, 200);
    app.state.clock.set(day + Duration::minutes(1));
    assert_eq!(run(&app, Job::PublishScheduled).await, 0, "counted once");
}

async fn personal_data_goes_after_its_retention(backend: Backend) {
    let app = TestApp::start(backend).await;
    let now = Utc::now();
    let db = &app.state.db;
    let someone = app.signed_in("agent@mer.gouv.fr", false, &[]).await;
    // An old session, an old email and an old audit entry; and fresh ones of each.
    let policy = app.state.config.auth.session_policy();
    metiers::accounts::sessions::open(
        db,
        someone.user.key(),
        None,
        policy,
        now - Duration::days(60),
    )
    .await
    .unwrap();
    let letterhead = app.state.letterhead();
    for at in [now - Duration::days(40), now] {
        let mail =
            metiers::mail::compose(&letterhead, "login_link", "agent@mer.gouv.fr", &[]).unwrap();
        metiers::mail::enqueue(db, &mail, at).await.unwrap();
    }
    for at in [now - Duration::days(400), now] {
        audit_log::ActiveModel {
            actor_id: Set(Some(someone.user.id)),
            action: Set("offer.update".into()),
            entity_type: Set("offer".into()),
            before: Set(Some("{\"contact_email\":\"agent@mer.gouv.fr\"}".into())),
            after: Set(Some("{}".into())),
            created_at: Set(at),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    let sessions_before = sessions::Entity::find().count(db).await.unwrap();

    app.state.clock.set(now);
    assert_eq!(run(&app, Job::PurgePersonalData).await, 3);
    assert_eq!(
        sessions::Entity::find().count(db).await.unwrap(),
        sessions_before - 1,
        "the old session went, the signed-in one stays"
    );
    assert_eq!(outbox::Entity::find().count(db).await.unwrap(), 1);
    let entries = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("offer.update"))
        .order_by_asc(audit_log::Column::CreatedAt)
        .all(db)
        .await
        .unwrap();
    let kept: Vec<(Option<i32>, bool)> = entries
        .iter()
        .map(|entry| (entry.actor_id, entry.before.is_some()))
        .collect();
    assert_eq!(kept, [(None, false), (Some(someone.user.id), true)]);
    assert_eq!(run_again(&app).await, 0, "nothing left to purge");
}

async fn run_again(app: &TestApp) -> i64 {
    app.state.clock.set(app.state.now() + Duration::minutes(1));
    run(app, Job::PurgePersonalData).await
}

async fn admins_see_every_run(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.signed_in("admin@numerique.gouv.fr", true, &[]).await;
    let ran = app
        .post_as(&admin, "/admin/taches/expire_offers/lancer", &[])
        .await;
    assert_eq!(ran.headers()["location"], "/admin/taches?ok=job-done");
    let unknown = app.post_as(&admin, "/admin/taches/nope/lancer", &[]).await;
    assert_eq!(unknown.status(), 400);

    // A job that fails is recorded with its error, and shown.
    app.state
        .db
        .execute_unprepared("DROP TABLE offer_reminders")
        .await
        .unwrap();
    let tenant = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    offer_expiring(
        &app,
        tenant.id,
        "Pilote",
        Utc::now() + Duration::days(3),
        None,
    )
    .await;
    let failed = app
        .post_as(&admin, "/admin/taches/expiry_reminders/lancer", &[])
        .await;
    assert_eq!(failed.headers()["location"], "/admin/taches?ok=job-failed");
    let page = app.get_with_cookie("/admin/taches", &admin.cookie).await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    let rows = texts(&body, "table tbody tr");
    assert!(
        rows.iter()
            .any(|row| row.contains("expiry_reminders") && row.contains("Échec")),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|row| row.contains("expire_offers")
            && row.contains("Lancé depuis l’administration")
            && row.contains("Réussi")),
        "{rows:?}"
    );
    // Schedules in words, not cron strings.
    let schedule = |job: &str| {
        rows.iter()
            .find(|row| row.contains(job) && !row.contains("Réussi") && !row.contains("Échec"))
            .cloned()
            .unwrap_or_default()
    };
    assert!(
        schedule("expiry_reminders").contains("Chaque jour à 08:00"),
        "{rows:?}"
    );
    assert!(
        schedule("send_alerts").contains("Chaque heure, à la minute 15"),
        "{rows:?}"
    );
    assert!(
        schedule("purge_personal_data").contains("Chaque jour à 03:30"),
        "{rows:?}"
    );
    assert!(!body.contains("0 0 8 * * *"), "no cron string shown");
    let runs = job_runs::Entity::find().count(&app.state.db).await.unwrap();
    assert_eq!(runs, 2);
}

async fn two_instances_run_a_tick_once() {
    let app = TestApp::start(Backend::Postgres).await;
    let tenant = fixtures::ministry(&app, "mer", "Ministère de la Mer", "dsfr").await;
    app.signed_in(
        "responsable@mer.gouv.fr",
        false,
        &[(tenant.id, Role::Manager)],
    )
    .await;
    let now = start();
    for title in ["Pilote", "Navigatrice", "Hydrographe"] {
        offer_expiring(&app, tenant.id, title, now + Duration::days(5), None).await;
    }
    // A second instance: its own state and connections, the same database.
    let connection = metiers::db::connect(&app.state.config).await.unwrap();
    let other = AppState::with_database(app.state.config.clone(), connection).unwrap();
    app.state.clock.set(now);
    other.clock.set(now);
    let (our_jobs, their_jobs) = (app.state.jobs(), other.jobs());
    let (ours, theirs) = tokio::join!(
        jobs::run(&our_jobs, Job::ExpiryReminders, now, Trigger::Schedule),
        jobs::run(&their_jobs, Job::ExpiryReminders, now, Trigger::Schedule),
    );
    let (ours, theirs) = (ours.unwrap(), theirs.unwrap());
    assert!(
        ours.is_some() != theirs.is_some(),
        "exactly one instance ran the tick"
    );
    let ran = ours.or(theirs).unwrap();
    assert_eq!(ran.rows_affected, Some(3));
    assert_eq!(reminders(&app).await.len(), 3, "each offer reminded once");
    assert_eq!(
        job_runs::Entity::find().count(&app.state.db).await.unwrap(),
        1
    );
}
