//! Stories as the back-office writes them, within the ministry the acting user works on (what
//! stories share with offers is in [`crate::content`]).

use sea_orm::{ColumnTrait, Condition, ConnectionTrait};

use crate::{codes::Status, content, entities::stories, error::AppResult};

/// The stories `within` a ministry or every ministry, newest change first, filtered by status
/// and name.
pub async fn list(
    db: &impl ConnectionTrait,
    within: &content::Within,
    status: Option<Status>,
    words: &str,
) -> AppResult<Vec<stories::Model>> {
    let mut matching = Condition::all();
    if !words.trim().is_empty() {
        matching = matching.add(stories::Column::PersonName.contains(words.trim()));
    }
    content::list::<stories::Entity>(db, within, status, matching).await
}
