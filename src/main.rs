//! The `metiers` command: serve the portal, migrate, seed, manage ministries and users
//! (`metiers --help`; what each does is in `metiers::cli`).

use std::process::ExitCode;

use clap::Parser;
use metiers::{
    cli::{self, Cli},
    config::Config,
};

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
    cli::init_logs(config.server.log_format);
    match cli::run(cli.command, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
