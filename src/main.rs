//! The `metiers` command: serve the portal, migrate, seed, manage ministries and users.

use std::{net::SocketAddr, process::ExitCode};

use clap::{Args, Parser, Subcommand};
use metiers::{
    accounts::{self, NewUser, Role},
    app::AppState,
    audit,
    config::{Config, LogFormat},
    db, demo,
    error::{AppError, AppResult},
    tenants::{self, NewTenant},
    web,
};
use sea_orm::{EntityTrait, PaginatorTrait};

#[derive(Parser)]
#[command(
    name = "metiers",
    version,
    about = "Métiers du Numérique: the State's portal for digital jobs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (applies pending migrations first).
    Serve {
        /// Seed the demo data when the database is empty.
        #[arg(long)]
        demo: bool,
        /// Address to listen on (overrides METIERS_BIND).
        #[arg(long)]
        bind: Option<SocketAddr>,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Write data into the database.
    Seed(SeedArgs),
    /// Manage ministries (tenants).
    #[command(subcommand)]
    Tenant(TenantCommand),
    /// Manage back-office users.
    #[command(subcommand)]
    User(UserCommand),
    /// Look after the media storage.
    #[command(subcommand)]
    Media(MediaCommand),
    /// Run the scheduled jobs by hand.
    #[command(subcommand)]
    Jobs(JobsCommand),
    /// Run the scheduled jobs on their schedules, without serving (with
    /// METIERS_SCHEDULER=false on the instances that serve).
    Worker,
}

#[derive(Subcommand)]
enum JobsCommand {
    /// Run job NAME now: expire_offers, expiry_reminders, publish_scheduled,
    /// purge_personal_data or outbox.
    Run { name: String },
}

#[derive(Subcommand)]
enum MediaCommand {
    /// Compare the media rows with the stored objects: objects no row owns (orphans) and
    /// rows whose objects are missing. Exits with 1 when they differ.
    Check {
        /// Remove the orphan objects (rows with missing objects are only reported).
        #[arg(long)]
        repair: bool,
    },
}

#[derive(Args)]
struct SeedArgs {
    /// Seed the demo ministries, offers and stories (idempotent).
    #[arg(long, required = true)]
    demo: bool,
    /// How many demo offers to generate.
    #[arg(long, default_value_t = demo::DEFAULT_OFFERS)]
    offers: usize,
}

#[derive(Subcommand)]
enum TenantCommand {
    /// Create a ministry.
    Create {
        /// Full name, e.g. "Ministère de l'Intérieur".
        #[arg(long)]
        name: String,
        /// Acronym, e.g. "MI".
        #[arg(long)]
        acronym: String,
        /// URL slug (derived from the name when omitted).
        #[arg(long, default_value = "")]
        slug: String,
        /// Official website.
        #[arg(long)]
        website: Option<String>,
    },
    /// List ministries.
    List,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user; `--admin` makes a DINUM administrator (all ministries).
    Create {
        email: String,
        #[arg(long)]
        admin: bool,
        #[arg(long, default_value = "")]
        given_name: String,
        #[arg(long, default_value = "")]
        usual_name: String,
        /// Make the user a member of this ministry (slug)…
        #[arg(long, requires = "role")]
        tenant: Option<String>,
        /// …with this role: manager or editor.
        #[arg(long, requires = "tenant")]
        role: Option<String>,
    },
    /// List users and their memberships.
    List,
}

fn init_logs(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("METIERS_LOG")
        .or_else(|_| tracing_subscriber::EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn".into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    init_logs(config.log_format);
    match run(cli.command, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, mut config: Config) -> AppResult<()> {
    let now = chrono::Utc::now();
    match command {
        Command::Serve { demo, bind } => {
            if let Some(bind) = bind {
                if config.base_url == format!("http://{}", config.bind) {
                    config.base_url = format!("http://{bind}");
                }
                config.bind = bind;
            }
            config.demo = demo;
            let state = AppState::build(config).await?;
            if demo {
                let empty = metiers::entities::tenants::Entity::find()
                    .count(&state.db)
                    .await?
                    == 0;
                if empty {
                    let report = demo::seed(&state.db, demo::DEFAULT_OFFERS, now).await?;
                    tracing::info!(?report, "demo data seeded");
                }
                let accounts = demo::seed_accounts(&state.db, now).await?;
                demo::seed_proposal(&state.db, &state.letterhead(), now).await?;
                let pictures = demo::seed_media(&state.db, &state.storage, now).await?;
                tracing::info!(pictures, "demo pictures ready");
                tracing::info!(accounts, "demo accounts ready: log in at /connexion");
            }
            // The portal works without its media: say so loudly, but serve.
            if let Err(error) = state.storage.check().await {
                tracing::error!(%error, "the media storage does not answer");
            }
            web::serve(state).await
        }
        Command::Migrate => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::Seed(args) => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            debug_assert!(args.demo);
            let report = demo::seed(&db, args.offers, now).await?;
            let storage = metiers::media::storage::Storage::new(&config)?;
            let pictures = demo::seed_media(&db, &storage, now).await?;
            println!(
                "seeded {} ministries, {} offers, {} stories, {pictures} pictures",
                report.ministries, report.offers, report.stories
            );
            Ok(())
        }
        Command::Jobs(JobsCommand::Run { name }) => {
            let job = metiers::jobs::named(&name)?;
            let state = AppState::build(config).await?;
            let trigger = metiers::jobs::Trigger::Command;
            match metiers::jobs::run(&state, job, state.now(), trigger).await? {
                None => println!("{name}: already running for this second elsewhere"),
                Some(run) => match run.error {
                    Some(error) => return Err(AppError::Storage(format!("{name}: {error}"))),
                    None => println!("{name}: {} rows", run.rows_affected.unwrap_or(0)),
                },
            }
            Ok(())
        }
        Command::Worker => {
            let state = AppState::build(config).await?;
            let _scheduler = metiers::jobs::scheduler::start(state.clone()).await?;
            tracing::info!("the scheduled jobs run; stop with Ctrl-C");
            tokio::signal::ctrl_c().await?;
            Ok(())
        }
        Command::Media(MediaCommand::Check { repair }) => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            let storage = metiers::media::storage::Storage::new(&config)?;
            storage.check().await?;
            let found = metiers::media::check(&db, &storage).await?;
            for key in &found.orphan_objects {
                println!("orphan object {key}");
            }
            for (id, key) in &found.missing_objects {
                println!("missing object {key} of media {id}");
            }
            if repair {
                let removed = metiers::media::remove_orphans(&storage, &found).await?;
                println!("removed {removed} orphan objects");
            }
            let left = found.missing_objects.len()
                + if repair {
                    0
                } else {
                    found.orphan_objects.len()
                };
            if left == 0 {
                println!("media and storage agree");
                Ok(())
            } else {
                Err(AppError::Storage(format!(
                    "{left} mismatches between media rows and storage"
                )))
            }
        }
        Command::Tenant(command) => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            match command {
                TenantCommand::Create {
                    name,
                    acronym,
                    slug,
                    website,
                } => {
                    let txn = metiers::db::begin_write(&db).await?;
                    let tenant = tenants::create(
                        &txn,
                        NewTenant {
                            slug,
                            name,
                            acronym,
                            website,
                            ..Default::default()
                        },
                        now,
                    )
                    .await?;
                    let subject = audit::Subject {
                        tenant_id: Some(tenant.id),
                        entity_type: "tenant",
                        entity_id: Some(tenant.id),
                    };
                    audit::record(
                        &txn,
                        None,
                        "tenant.create",
                        subject,
                        None,
                        Some(&tenant),
                        now,
                    )
                    .await?;
                    txn.commit().await?;
                    println!("created ministry {} ({})", tenant.slug, tenant.name);
                }
                TenantCommand::List => {
                    for tenant in tenants::list_all(&db).await? {
                        let archived = if tenant.archived_at.is_some() {
                            " (archived)"
                        } else {
                            ""
                        };
                        println!(
                            "{}\t{}\t{}{archived}",
                            tenant.slug, tenant.acronym, tenant.name
                        );
                    }
                }
            }
            Ok(())
        }
        Command::User(command) => {
            let db = db::connect(&config).await?;
            db::migrate(&db).await?;
            match command {
                UserCommand::Create {
                    email,
                    admin,
                    given_name,
                    usual_name,
                    tenant,
                    role,
                } => {
                    let txn = metiers::db::begin_write(&db).await?;
                    let user = accounts::create_user(
                        &txn,
                        NewUser {
                            email,
                            given_name,
                            usual_name,
                            is_admin: admin,
                        },
                        now,
                    )
                    .await?;
                    if let (Some(slug), Some(role)) = (tenant, role) {
                        let role = Role::parse(&role)
                            .ok_or_else(|| AppError::invalid("role", "manager or editor"))?;
                        let tenant = tenants::find_active_by_slug(&txn, &slug)
                            .await?
                            .ok_or_else(|| {
                                AppError::invalid("tenant", format!("no ministry {slug}"))
                            })?;
                        accounts::add_membership(&txn, user.id, tenant.id, role, now).await?;
                    }
                    let subject = audit::Subject {
                        tenant_id: None,
                        entity_type: "user",
                        entity_id: Some(user.id),
                    };
                    audit::record(&txn, None, "user.create", subject, None, Some(&user), now)
                        .await?;
                    txn.commit().await?;
                    let kind = if user.is_admin { "DINUM admin" } else { "user" };
                    println!("created {kind} {}", user.email);
                }
                UserCommand::List => {
                    let tenants_by_id: std::collections::HashMap<i32, String> =
                        tenants::list_all(&db)
                            .await?
                            .into_iter()
                            .map(|t| (t.id, t.slug))
                            .collect();
                    let memberships = accounts::memberships_by_user(&db).await?;
                    for user in accounts::list_users(&db).await? {
                        let roles: Vec<String> = memberships
                            .get(&user.id)
                            .into_iter()
                            .flatten()
                            .map(|m| {
                                format!(
                                    "{}:{}",
                                    tenants_by_id.get(&m.tenant_id).map_or("?", |s| s.as_str()),
                                    m.role
                                )
                            })
                            .collect();
                        let admin = if user.is_admin { "admin" } else { "-" };
                        println!("{}\t{admin}\t{}", user.email, roles.join(","));
                    }
                }
            }
            Ok(())
        }
    }
}
