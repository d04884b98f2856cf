//! The `metiers` command line: what each command does, one module per concern. `main.rs`
//! only parses the arguments, loads the configuration and reports the outcome.

mod export;
mod maintenance;
mod ministries;
mod serve;
mod tokens;
mod users;

use std::net::SocketAddr;

use clap::{Args, Parser, Subcommand};

use crate::{
    config::{Config, LogFormat},
    demo,
    error::AppResult,
};

#[derive(Parser)]
#[command(
    name = "metiers",
    version,
    about = "Métiers du Numérique: the State's portal for digital jobs"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
    /// Manage a ministry's API tokens (the integration API).
    #[command(subcommand)]
    Token(TokenCommand),
    /// Look after the media storage.
    #[command(subcommand)]
    Media(MediaCommand),
    /// Run the scheduled jobs by hand.
    #[command(subcommand)]
    Jobs(JobsCommand),
    /// Export figures to a file.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Run the scheduled jobs on their schedules, without serving (with
    /// METIERS_SCHEDULER=false on the instances that serve).
    Worker,
}

#[derive(Subcommand)]
pub enum JobsCommand {
    /// Run job NAME now: expire_offers, expiry_reminders, publish_scheduled,
    /// purge_personal_data, outbox or send_alerts.
    Run { name: String },
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// The statistics of a year: goals, monthly figures, most seen offers, delays (the
    /// figures of /admin/statistiques). Exits with 2 on an unknown year or ministry.
    Stats {
        /// The year, e.g. 2026.
        #[arg(long)]
        year: String,
        /// One ministry (slug); the whole site when omitted.
        #[arg(long)]
        tenant: Option<String>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write; the standard output when omitted.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
}

/// The file formats of `export`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// UTF-8 with BOM, `;` separated, for French spreadsheets.
    Csv,
    /// One sheet per table and a chart sheet.
    Xlsx,
    Json,
}

impl From<ExportFormat> for crate::statistics::Format {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Csv => Self::Csv,
            ExportFormat::Xlsx => Self::Xlsx,
            ExportFormat::Json => Self::Json,
        }
    }
}

#[derive(Subcommand)]
pub enum MediaCommand {
    /// Compare the media rows with the stored objects: objects no row owns (orphans) and
    /// rows whose objects are missing. Exits with 1 when they differ.
    Check {
        /// Remove the orphan objects (rows with missing objects are only reported).
        #[arg(long)]
        repair: bool,
    },
}

#[derive(Args)]
pub struct SeedArgs {
    /// Seed the demo ministries, offers and stories (idempotent).
    #[arg(long, required = true)]
    pub demo: bool,
    /// How many demo offers to generate.
    #[arg(long, default_value_t = demo::DEFAULT_OFFERS)]
    pub offers: usize,
    /// Also seed two years of past offers and daily figures for the statistics (once).
    #[arg(long)]
    pub history: bool,
}

#[derive(Subcommand)]
pub enum TenantCommand {
    /// Create a ministry.
    Create {
        /// Full name, e.g. "Ministère de l'Intérieur".
        #[arg(long)]
        name: String,
        /// Acronym, e.g. "MI".
        #[arg(long)]
        acronym: String,
        /// Its name with its French article, e.g. "le ministère de l'Intérieur", "la DGFiP"
        /// (guessed from the name when omitted).
        #[arg(long, default_value = "")]
        short_name: String,
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
pub enum UserCommand {
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

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Make an API token of a ministry and print its secret (shown once) on the standard
    /// output.
    Create {
        /// The ministry (slug).
        #[arg(long)]
        tenant: String,
        /// What the token is for ("SIRH", "Place de l'emploi public").
        #[arg(long)]
        name: String,
        /// What it may do: offers:write (the default), applications:read, applications:write;
        /// repeat for several.
        #[arg(long = "scope")]
        scopes: Vec<String>,
        /// How many days it works (at most 730).
        #[arg(long, default_value_t = crate::integration::tokens::DEFAULT_VALID_DAYS)]
        days: i64,
    },
    /// List a ministry's tokens, revoked and expired ones included.
    List {
        #[arg(long)]
        tenant: String,
    },
    /// Revoke token ID of a ministry: it fails from the next request on.
    Revoke {
        #[arg(long)]
        tenant: String,
        id: i32,
    },
}

/// Logs on stderr, as text or JSON, filtered by `METIERS_LOG` (or `RUST_LOG`).
pub fn init_logs(format: LogFormat) {
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

/// Runs `command` with `config`.
pub async fn run(command: Command, config: Config) -> AppResult<()> {
    let now = chrono::Utc::now();
    match command {
        Command::Serve { demo, bind } => serve::serve(config, demo, bind, now).await,
        Command::Worker => serve::worker(config).await,
        Command::Migrate => maintenance::migrate(&config).await,
        Command::Seed(args) => maintenance::seed(&config, args, now).await,
        Command::Jobs(JobsCommand::Run { name }) => maintenance::run_job(config, &name).await,
        Command::Media(MediaCommand::Check { repair }) => {
            maintenance::check_media(&config, repair).await
        }
        Command::Export(ExportCommand::Stats {
            year,
            tenant,
            format,
            output,
        }) => {
            let asked = (year.as_str(), tenant.as_deref());
            export::stats(&config, asked, format.into(), output, now).await
        }
        Command::Tenant(command) => ministries::run(&config, command, now).await,
        Command::User(command) => users::run(&config, command, now).await,
        Command::Token(command) => tokens::run(&config, command, now).await,
    }
}
