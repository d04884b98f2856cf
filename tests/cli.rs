//! The `metiers` command line: configuration errors, migrations, seeding, ministries and users,
//! on SQLite and on PostgreSQL.

use std::process::Output;

use crate::support::{Backend, TestDatabase};

/// Runs the binary on `database_url`, its data folder (media) a temporary one of that database.
pub(crate) fn metiers(database_url: &str, args: &[&str]) -> Output {
    let name: String = database_url
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let data_dir = std::env::temp_dir().join(format!("metiers-cli-{name}"));
    std::process::Command::new(env!("CARGO_BIN_EXE_metiers"))
        .args(args)
        .env("METIERS_DATABASE_URL", database_url)
        .env("METIERS_DATA_DIR", data_dir)
        .env("METIERS_LOG", "warn")
        .env_remove("DATABASE_URL")
        .output()
        .expect("run metiers")
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

on_both_backends!(
    ministries_and_users_are_managed_from_the_command_line,
    demo_seeding_is_idempotent
);

async fn ministries_and_users_are_managed_from_the_command_line(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let url = database.url.clone();
    tokio::task::spawn_blocking(move || {
        let migrate = metiers(&url, &["migrate"]);
        assert!(migrate.status.success(), "{}", stderr(&migrate));
        let alerts = metiers(&url, &["jobs", "run", "send_alerts"]);
        assert!(alerts.status.success(), "{}", stderr(&alerts));
        let unknown = metiers(&url, &["jobs", "run", "send_everything"]);
        assert_eq!(unknown.status.code(), Some(2), "{}", stderr(&unknown));
        assert!(stderr(&unknown).contains("send_everything"));

        let created = metiers(
            &url,
            &[
                "tenant",
                "create",
                "--name",
                "Ministère de la Culture",
                "--acronym",
                "MC",
            ],
        );
        assert!(created.status.success(), "{}", stderr(&created));
        assert!(stdout(&created).contains("ministere-de-la-culture"));
        let again = metiers(
            &url,
            &[
                "tenant",
                "create",
                "--name",
                "Ministère de la Culture",
                "--acronym",
                "MC",
            ],
        );
        assert_eq!(again.status.code(), Some(2));
        let message = stderr(&again);
        assert_eq!(message.lines().count(), 1, "one line: {message}");
        assert!(
            message.contains("slug") && message.contains("already used"),
            "{message}"
        );
        let list = metiers(&url, &["tenant", "list"]);
        assert!(stdout(&list).contains("ministere-de-la-culture\tMC\tMinistère de la Culture"));
        // The name French sentences use needs its article.
        let dgfip = |short_name: &str| {
            let name = "Direction générale des Finances publiques";
            let args = ["tenant", "create", "--name", name, "--acronym", "DGFiP"];
            metiers(&url, &[&args[..], &["--short-name", short_name]].concat())
        };
        let refused = dgfip("DGFiP");
        assert_eq!(refused.status.code(), Some(2));
        assert!(
            stderr(&refused).contains("short_name"),
            "{}",
            stderr(&refused)
        );
        let created = dgfip("la DGFiP");
        assert!(created.status.success(), "{}", stderr(&created));

        let admin = metiers(
            &url,
            &["user", "create", "--admin", "Admin@Numerique.Gouv.fr"],
        );
        assert!(admin.status.success(), "{}", stderr(&admin));
        let editor = metiers(
            &url,
            &[
                "user",
                "create",
                "editrice@culture.gouv.fr",
                "--tenant",
                "ministere-de-la-culture",
                "--role",
                "editor",
            ],
        );
        assert!(editor.status.success(), "{}", stderr(&editor));
        let bad = metiers(&url, &["user", "create", "pas-un-email"]);
        assert_eq!(bad.status.code(), Some(2));
        assert!(stderr(&bad).contains("invalid email"), "{}", stderr(&bad));
        let bad_role = metiers(
            &url,
            &[
                "user",
                "create",
                "x@culture.gouv.fr",
                "--tenant",
                "ministere-de-la-culture",
                "--role",
                "chef",
            ],
        );
        assert!(
            stderr(&bad_role).contains("invalid role"),
            "{}",
            stderr(&bad_role)
        );
        let users = stdout(&metiers(&url, &["user", "list"]));
        assert!(users.contains("admin@numerique.gouv.fr\tadmin"), "{users}");
        assert!(
            users.contains("editrice@culture.gouv.fr\t-\tministere-de-la-culture:editor"),
            "{users}"
        );
        assert!(
            !users.contains("x@culture.gouv.fr"),
            "a failed command writes nothing: {users}"
        );
    })
    .await
    .unwrap();
}

async fn demo_seeding_is_idempotent(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let url = database.url.clone();
    tokio::task::spawn_blocking(move || {
        let first = metiers(&url, &["seed", "--demo", "--offers", "40"]);
        assert!(first.status.success(), "{}", stderr(&first));
        assert!(stdout(&first).contains("40 offers"), "{}", stdout(&first));
        assert!(
            !stdout(&first).contains(" 0 pictures"),
            "{}",
            stdout(&first)
        );
        let second = metiers(&url, &["seed", "--demo", "--offers", "40"]);
        assert_eq!(
            stdout(&second).trim(),
            "seeded 0 ministries, 0 offers, 0 stories, 0 pictures"
        );
        let check = metiers(&url, &["media", "check"]);
        assert!(check.status.success(), "{}", stderr(&check));
        assert_eq!(stdout(&check).trim(), "media and storage agree");
    })
    .await
    .unwrap();
}

#[test]
fn bad_configuration_names_the_key() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_metiers"))
        .args(["migrate"])
        .env("METIERS_BIND", "not-an-address")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("METIERS_BIND"), "{message}");

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_metiers"))
        .args(["migrate"])
        .env("METIERS_CONFIG", "/nonexistent/metiers.toml")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("METIERS_CONFIG"));
}

#[test]
fn help_describes_every_command() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_metiers"))
        .arg("--help")
        .output()
        .unwrap();
    let help = stdout(&output);
    for command in ["serve", "migrate", "seed", "tenant", "user"] {
        assert!(help.contains(command), "{help}");
    }
}
