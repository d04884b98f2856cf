//! The moderation workflow of offers and stories (DESIGN.md, "Content life cycle"): one state
//! machine for both. Editors submit drafts; DINUM admins approve, ask for changes or reject,
//! with a comment the author sees; a ministry marked trusted publishes without review. Every
//! step keeps a revision (snapshot, author, time, comment), is audited, and a review emails
//! the author through the outbox.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, sea_query::Expr,
};

use crate::{
    accounts::Actor,
    codes::Status,
    content::{self, Content, column, int, text},
    entities::{revisions, tenants, users},
    error::{AppError, AppResult},
    mail,
};

/// What may happen to an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    Submit,
    Approve,
    RequestChanges,
    Reject,
    MarkFilled,
    Expire,
    Archive,
}

/// The status an item in `from` reaches through `transition`; `None` when it may not.
pub fn next_status(from: Status, transition: Transition) -> Option<Status> {
    use Status::*;
    use Transition::*;
    match (from, transition) {
        (Draft | ChangesRequested, Submit) => Some(PendingReview),
        (PendingReview, Approve) => Some(Published),
        (PendingReview, RequestChanges) => Some(ChangesRequested),
        (PendingReview, Reject) => Some(Rejected),
        (Published, MarkFilled) => Some(Filled),
        (Published, Expire) => Some(Expired),
        (Archived, Archive) => None,
        (_, Archive) => Some(Archived),
        _ => None,
    }
}

/// A reviewer's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Approve,
    RequestChanges,
    Reject,
}

impl Decision {
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "approve" => Some(Self::Approve),
            "changes" => Some(Self::RequestChanges),
            "reject" => Some(Self::Reject),
            _ => None,
        }
    }

    fn transition(self) -> Transition {
        match self {
            Self::Approve => Transition::Approve,
            Self::RequestChanges => Transition::RequestChanges,
            Self::Reject => Transition::Reject,
        }
    }
}

fn status_of<E: Content>(model: &E::Model) -> Status {
    Status::parse(&content::status_of::<E>(model)).unwrap_or(Status::Draft)
}

/// Keeps a revision of `model`: its snapshot, who, when, and the review's comment. Every save,
/// submission and review keeps one.
pub async fn keep_revision<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    model: &E::Model,
    comment: Option<String>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let id = int::<E>(model, "id");
    let earlier = revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq(E::KIND))
        .filter(revisions::Column::EntityId.eq(id))
        .count(db)
        .await?;
    revisions::ActiveModel {
        tenant_id: Set(int::<E>(model, "tenant_id")),
        entity_type: Set(E::KIND.to_owned()),
        entity_id: Set(id),
        number: Set(i32::try_from(earlier).unwrap_or(i32::MAX - 1) + 1),
        snapshot: Set(serde_json::to_string(model)?),
        author_id: Set(Some(actor.user.id)),
        status: Set(content::status_of::<E>(model)),
        review_comment: Set(comment),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Moves `before` to `to` if it is still at the version read (another reviewer may have
/// acted since): `None` when it is not.
async fn move_to<E: Content>(
    db: &impl ConnectionTrait,
    before: &E::Model,
    to: Status,
    now: DateTime<Utc>,
) -> AppResult<Option<E::Model>> {
    let column = column::<E>;
    let (id, version) = (int::<E>(before, "id"), int::<E>(before, "version"));
    let mut update = E::update_many()
        .col_expr(column("status"), Expr::value(to.as_str()))
        .col_expr(column("version"), Expr::value(version + 1))
        .col_expr(column("updated_at"), Expr::value(now));
    if to == Status::Published {
        update = update.col_expr(column("published_at"), Expr::value(now));
    }
    let moved = update
        .filter(column("id").eq(id))
        .filter(column("version").eq(version))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        return Ok(None);
    }
    Ok(E::find().filter(column("id").eq(id)).one(db).await?)
}

/// Whether ministry `tenant_id` publishes without review.
async fn is_trusted(db: &impl ConnectionTrait, tenant_id: i32) -> AppResult<bool> {
    Ok(tenants::Entity::find_by_id(tenant_id)
        .one(db)
        .await?
        .is_some_and(|tenant| tenant.trusted))
}

/// After an edit of a published item: unless its ministry is trusted, the change goes back to
/// review and the item leaves the portal until it is approved again. (Keeping the published
/// version live while the change waits needs pending revisions: the moderation issue's next
/// step.) Call it in the edit's transaction.
pub async fn after_edit<E: Content>(
    db: &impl ConnectionTrait,
    before: &E::Model,
    after: E::Model,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let tenant_id = int::<E>(&after, "tenant_id");
    if status_of::<E>(before) != Status::Published || is_trusted(db, tenant_id).await? {
        return Ok(after);
    }
    move_to::<E>(db, &after, Status::PendingReview, now)
        .await?
        .ok_or_else(|| AppError::invalid("version", "changed meanwhile"))
}

/// Submits item `id` of ministry `tenant_id` for review; a trusted ministry's item is
/// published at once (recorded as such). Call it in a transaction.
pub async fn submit<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let before = content::find_editable::<E>(db, actor, tenant_id, id).await?;
    next_status(status_of::<E>(&before), Transition::Submit)
        .ok_or_else(|| AppError::invalid("status", "only a draft can be submitted"))?;
    let (to, action) = if is_trusted(db, tenant_id).await? {
        (Status::Published, "publish_trusted")
    } else {
        (Status::PendingReview, "submit")
    };
    let after = move_to::<E>(db, &before, to, now)
        .await?
        .ok_or_else(|| AppError::invalid("version", "changed meanwhile"))?;
    keep_revision::<E>(db, actor, &after, None, now).await?;
    content::record::<E>(db, actor, action, Some(&before), &after, now).await?;
    Ok(after)
}

/// The items waiting for review, oldest first, of one ministry if given (DINUM admins).
pub async fn queue<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: Option<i32>,
) -> AppResult<Vec<E::Model>> {
    actor.require_admin()?;
    let column = column::<E>;
    let mut query = E::find().filter(column("status").eq(Status::PendingReview.as_str()));
    if let Some(tenant_id) = tenant_id {
        query = query.filter(column("tenant_id").eq(tenant_id));
    }
    Ok(query
        .order_by_asc(column("updated_at"))
        .order_by_asc(column("id"))
        .limit(content::LIST_LIMIT)
        .all(db)
        .await?)
}

/// Item `id`, whatever its ministry (DINUM admins).
async fn find_any<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
) -> AppResult<E::Model> {
    actor.require_admin()?;
    E::find()
        .filter(column::<E>("id").eq(id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Item `id` waiting for review (DINUM admins), whatever its ministry.
pub async fn find_waiting<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
) -> AppResult<E::Model> {
    let item = find_any::<E>(db, actor, id).await?;
    match status_of::<E>(&item) {
        Status::PendingReview => Ok(item),
        _ => Err(AppError::NotFound),
    }
}

/// Reviews item `id` as read at `version`: approve, ask for changes or reject, with a
/// comment the author sees (required unless approving). Two reviewers acting at once cannot
/// both win: the second is told the item changed. The author is emailed. Call it in a
/// transaction.
#[allow(clippy::too_many_arguments)]
pub async fn review<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    actor: &Actor,
    id: i32,
    version: i32,
    decision: Decision,
    comment: &str,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let before = find_any::<E>(db, actor, id).await?;
    if int::<E>(&before, "version") != version || status_of::<E>(&before) != Status::PendingReview {
        return Err(AppError::invalid(
            "version",
            "reviewed or changed meanwhile",
        ));
    }
    let comment = comment.trim();
    if decision != Decision::Approve && comment.is_empty() {
        return Err(AppError::invalid("comment", "say what to change, or why"));
    }
    let to = next_status(Status::PendingReview, decision.transition())
        .expect("a waiting item can be reviewed");
    let after = move_to::<E>(db, &before, to, now)
        .await?
        .ok_or_else(|| AppError::invalid("version", "reviewed or changed meanwhile"))?;
    let comment = Some(comment.to_owned()).filter(|c| !c.is_empty());
    keep_revision::<E>(db, actor, &after, comment.clone(), now).await?;
    let action = match decision {
        Decision::Approve => "approve",
        Decision::RequestChanges => "request_changes",
        Decision::Reject => "reject",
    };
    content::record::<E>(db, actor, action, Some(&before), &after, now).await?;
    email_author::<E>(db, letterhead, &after, to, comment.unwrap_or_default(), now).await?;
    Ok(after)
}

/// Tells the author of `item` what the review decided.
async fn email_author<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    item: &E::Model,
    status: Status,
    comment: String,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(author_id) = content::optional_int::<E>(item, "created_by") else {
        return Ok(());
    };
    let Some(author) = users::Entity::find_by_id(author_id).one(db).await? else {
        return Ok(());
    };
    let (title, path) = match E::KIND {
        "offer" => (text::<E>(item, "title"), "offres"),
        _ => (text::<E>(item, "person_name"), "temoignages"),
    };
    let id = int::<E>(item, "id");
    let args = [
        ("title", title),
        ("decision", status.as_str().to_owned()),
        ("comment", comment),
        ("link", format!("{}/admin/{path}/{id}", letterhead.base_url)),
    ];
    let mail = mail::compose(letterhead, "review", &author.email, &args);
    mail::enqueue(db, &mail, now).await?;
    Ok(())
}

/// The fields of an item as it was last published, from its revisions (`None` if it never was).
pub async fn last_published<E: Content>(
    db: &impl ConnectionTrait,
    id: i32,
) -> AppResult<Option<serde_json::Map<String, serde_json::Value>>> {
    let revision = revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq(E::KIND))
        .filter(revisions::Column::EntityId.eq(id))
        .filter(revisions::Column::Status.eq(Status::Published.as_str()))
        .order_by_desc(revisions::Column::Id)
        .one(db)
        .await?;
    Ok(match revision {
        Some(revision) => serde_json::from_str(&revision.snapshot)?,
        None => None,
    })
}

/// A field that differs between two versions of an item.
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct Change {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// The `fields` whose values differ between `before` and `after` (items as JSON objects).
pub fn changes(
    before: &serde_json::Map<String, serde_json::Value>,
    after: &serde_json::Map<String, serde_json::Value>,
    fields: &[&str],
) -> Vec<Change> {
    let text = |value: Option<&serde_json::Value>| match value {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    };
    fields
        .iter()
        .map(|field| (*field, text(before.get(*field)), text(after.get(*field))))
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| Change {
            field: field.to_owned(),
            before,
            after,
        })
        .collect()
}

/// The revisions of an item, newest first.
pub async fn history<E: Content>(
    db: &impl ConnectionTrait,
    id: i32,
) -> AppResult<Vec<revisions::Model>> {
    Ok(revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq(E::KIND))
        .filter(revisions::Column::EntityId.eq(id))
        .order_by_desc(revisions::Column::Id)
        .limit(content::LIST_LIMIT)
        .all(db)
        .await?)
}

/// The last review comment of an item, for its author.
pub async fn last_comment<E: Content>(
    db: &impl ConnectionTrait,
    id: i32,
) -> AppResult<Option<String>> {
    Ok(revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq(E::KIND))
        .filter(revisions::Column::EntityId.eq(id))
        .filter(revisions::Column::ReviewComment.is_not_null())
        .order_by_desc(revisions::Column::Id)
        .one(db)
        .await?
        .and_then(|revision| revision.review_comment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_list_the_fields_that_differ() {
        let before = serde_json::json!({"title": "A", "city": "Lyon", "salary_min": 40000});
        let after = serde_json::json!({"title": "B", "city": "Lyon", "salary_min": null});
        let (before, after) = (before.as_object().unwrap(), after.as_object().unwrap());
        let found = changes(before, after, &["title", "city", "salary_min"]);
        assert_eq!(
            found,
            [
                Change {
                    field: "title".into(),
                    before: "A".into(),
                    after: "B".into()
                },
                Change {
                    field: "salary_min".into(),
                    before: "40000".into(),
                    after: String::new()
                },
            ]
        );
    }

    #[test]
    fn the_life_cycle_allows_only_its_transitions() {
        use Status::*;
        use Transition::*;
        let allowed = [
            (Draft, Submit, PendingReview),
            (ChangesRequested, Submit, PendingReview),
            (PendingReview, Approve, Published),
            (PendingReview, RequestChanges, ChangesRequested),
            (PendingReview, Reject, Rejected),
            (Published, MarkFilled, Filled),
            (Published, Expire, Expired),
            (Published, Archive, Archived),
            (Draft, Archive, Archived),
        ];
        for (from, transition, to) in allowed {
            assert_eq!(
                next_status(from, transition),
                Some(to),
                "{from:?} {transition:?}"
            );
        }
        let refused = [
            (Published, Submit),
            (PendingReview, Submit),
            (Draft, Approve),
            (Rejected, Approve),
            (Draft, MarkFilled),
            (Archived, Archive),
            (Filled, Expire),
        ];
        for (from, transition) in refused {
            assert_eq!(
                next_status(from, transition),
                None,
                "{from:?} {transition:?}"
            );
        }
    }
}
