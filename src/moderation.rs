//! The moderation workflow of offers and stories (`docs/architecture.md`): one state
//! machine for both. Editors submit drafts; DINUM admins approve, ask for changes or reject,
//! with a comment the author sees; a ministry marked trusted publishes without review. Every
//! step keeps a revision (snapshot, author, time, comment), is audited, and emails go through
//! the outbox: a digest to the admins when something waits, the decision to its author.
//!
//! A change to a live item (published or filled) of a ministry that is not trusted does not
//! touch it: the change is kept as a *proposal*, a revision the item points at
//! (`proposal_id`), which waits for review while the live version stays online. Approving it
//! writes it over the live version.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IdenStatic, IntoActiveModel, Iterable, ModelTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
    sea_query::{Expr, Query},
};

use crate::{
    accounts::Actor,
    codes::Status,
    content::{self, Content, Item, Snapshot},
    entities::{offers, revisions, stories, tenants, users},
    error::{AppError, AppResult},
    mail,
};

/// How long the admins' digest waits for more items before it leaves.
pub const DIGEST_DELAY: chrono::Duration = chrono::Duration::minutes(10);

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

/// The snapshot of `model` as stored now: its row, and what lives in other tables.
pub async fn snapshot<E: Content>(
    db: &impl ConnectionTrait,
    model: &E::Model,
) -> AppResult<Snapshot> {
    let mut snapshot = match serde_json::to_value(model)? {
        serde_json::Value::Object(row) => row,
        _ => Snapshot::new(),
    };
    snapshot.extend(E::extras(db, model.id()).await?);
    Ok(snapshot)
}

/// The item a snapshot holds.
fn from_snapshot<E: Content>(snapshot: &Snapshot) -> AppResult<E::Model> {
    Ok(serde_json::from_value(serde_json::Value::Object(
        snapshot.clone(),
    ))?)
}

/// Keeps `snapshot` as the next revision of `item`, in `status`, by `actor`, with the review's
/// comment.
async fn keep_snapshot<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    item: &E::Model,
    snapshot: Snapshot,
    status: Status,
    comment: Option<String>,
    now: DateTime<Utc>,
) -> AppResult<revisions::Model> {
    let id = item.id();
    let earlier = revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq(E::KIND.code()))
        .filter(revisions::Column::EntityId.eq(id))
        .count(db)
        .await?;
    Ok(revisions::ActiveModel {
        tenant_id: Set(item.tenant_id()),
        entity_type: Set(E::KIND.code().to_owned()),
        entity_id: Set(id),
        number: Set(i32::try_from(earlier).unwrap_or(i32::MAX - 1) + 1),
        snapshot: Set(serde_json::to_string(&snapshot)?),
        author_id: Set(Some(actor.user.id)),
        status: Set(status),
        review_comment: Set(comment),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Keeps a revision of `model` as it is stored now, with the review's comment. Every save,
/// submission and review keeps one.
pub async fn keep_revision<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    model: &E::Model,
    comment: Option<String>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let snapshot = snapshot::<E>(db, model).await?;
    keep_snapshot::<E>(db, actor, model, snapshot, model.status(), comment, now).await?;
    Ok(())
}

/// Takes item `before` for a change if it is still at the version read (someone may have
/// acted since): its version goes up. Returns it as it now is.
async fn claim<E: Content>(
    db: &impl ConnectionTrait,
    before: &E::Model,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let columns = &E::COLUMNS;
    let (id, version) = (before.id(), before.version());
    let claimed = E::update_many()
        .col_expr(columns.version, Expr::value(version + 1))
        .col_expr(columns.updated_at, Expr::value(now))
        .filter(columns.id.eq(id))
        .filter(columns.version.eq(version))
        .exec(db)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(AppError::invalid("version", "changed meanwhile"));
    }
    reread::<E>(db, id).await
}

async fn reread<E: Content>(db: &impl ConnectionTrait, id: i32) -> AppResult<E::Model> {
    E::find()
        .filter(E::COLUMNS.id.eq(id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Writes `changes` (column, value) on item `item`.
async fn set<E: Content>(
    db: &impl ConnectionTrait,
    item: E::Model,
    changes: Vec<(E::Column, sea_orm::Value)>,
) -> AppResult<E::Model> {
    let mut active = item.into_active_model();
    for (column, value) in changes {
        active.set(column, value);
    }
    Ok(active.update(db).await?)
}

/// Moves `before` to `to` if it is still at the version read. Published, it goes public now
/// or at the date its editor chose.
async fn move_to<E: Content>(
    db: &impl ConnectionTrait,
    before: &E::Model,
    to: Status,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let item = claim::<E>(db, before, now).await?;
    let mut changes = vec![(E::COLUMNS.status, to.into())];
    if to == Status::Published {
        let publish_at = item.publish_at().unwrap_or(now);
        changes.push((E::COLUMNS.published_at, Some(publish_at.max(now)).into()));
    }
    set::<E>(db, item, changes).await
}

/// Writes the fields `snapshot` holds over `live`, if it is still at the version read: its
/// life cycle stays, a proposal it had is settled.
async fn apply<E: Content>(
    db: &impl ConnectionTrait,
    live: &E::Model,
    snapshot: &Snapshot,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let mut snapshot = snapshot.clone();
    forget_deleted_image::<E>(db, &mut snapshot).await?;
    let proposed = from_snapshot::<E>(&snapshot)?;
    let live = claim::<E>(db, live, now).await?;
    let mut active = live.into_active_model();
    for field in E::Column::iter() {
        let name = field.as_str();
        let life_cycle = E::COLUMNS.life_cycle().iter().any(|c| c.as_str() == name);
        if !life_cycle && !E::KEPT.contains(&name) {
            active.set(field, proposed.get(field));
        }
    }
    active.set(E::COLUMNS.proposal_id, None::<i32>.into());
    let applied = active.update(db).await?;
    E::restore_extras(db, applied.id(), &snapshot).await?;
    Ok(applied)
}

/// Leaves out of `snapshot` the image it shows when that image was deleted from the library
/// since (an older version, or a proposal that waited); whether it did.
async fn forget_deleted_image<E: Content>(
    db: &impl ConnectionTrait,
    snapshot: &mut Snapshot,
) -> AppResult<bool> {
    let Some(id) = snapshot.get(E::IMAGE).and_then(serde_json::Value::as_i64) else {
        return Ok(false);
    };
    let id = i32::try_from(id).map_err(|_| AppError::NotFound)?;
    if crate::media::exists(db, id).await? {
        return Ok(false);
    }
    snapshot.insert(E::IMAGE.to_owned(), serde_json::Value::Null);
    Ok(true)
}

/// Whether ministry `tenant_id` publishes without review.
async fn is_trusted(db: &impl ConnectionTrait, tenant_id: i32) -> AppResult<bool> {
    Ok(tenants::Entity::find_by_id(tenant_id)
        .one(db)
        .await?
        .is_some_and(|tenant| tenant.trusted))
}

/// Whether a change of `item` must wait for review while it stays as it is: it is live
/// (published, or filled and still shown) and its ministry is not trusted.
async fn changes_wait_for_review<E: Content>(
    db: &impl ConnectionTrait,
    item: &E::Model,
) -> AppResult<bool> {
    let trusted = is_trusted(db, item.tenant_id()).await?;
    Ok(edit_goes_to_review(item.status(), trusted))
}

/// Whether an edit of an item in `status` waits for review while the item stays as it is:
/// it is live (published, or filled and still shown) and its ministry is not `trusted`.
pub fn edit_goes_to_review(status: Status, trusted: bool) -> bool {
    matches!(status, Status::Published | Status::Filled) && !trusted
}

/// Writes `new` as a draft of ministry `tenant_id`, audited, with its first revision. Call it
/// in a transaction.
pub async fn create<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    new: E::New,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    actor.require_editor(tenant_id)?;
    E::check(db, tenant_id, &new).await?;
    let created = E::insert_draft(db, tenant_id, actor.user.id, new, now).await?;
    content::record::<E>(db, actor, "create", None, &created, now).await?;
    keep_revision::<E>(db, actor, &created, None, now).await?;
    Ok(created)
}

/// Saves an edit of item `id` of ministry `tenant_id`. A live item of a ministry that is not
/// trusted stays as it is: the edit is written in a savepoint, to check it and see what it
/// gives, then undone and kept as a proposal waiting for review. Call it in a transaction.
pub async fn edit<E: Content>(
    db: &DatabaseTransaction,
    letterhead: &mail::Letterhead<'_>,
    actor: &Actor,
    (tenant_id, id): (i32, i32),
    new: &E::New,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let before = content::find_editable::<E>(db, actor, tenant_id, id).await?;
    if changes_wait_for_review::<E>(db, &before).await? {
        let trial = db.begin().await?;
        let proposed = E::write(&trial, &before, new, now).await?;
        let snapshot = snapshot::<E>(&trial, &proposed).await?;
        trial.rollback().await?;
        return propose::<E>(db, letterhead, actor, &before, snapshot, now).await;
    }
    let written = E::write(db, &before, new, now).await?;
    let after = set::<E>(
        db,
        written,
        vec![(E::COLUMNS.proposal_id, None::<i32>.into())],
    )
    .await?;
    content::record::<E>(db, actor, "update", Some(&before), &after, now).await?;
    keep_revision::<E>(db, actor, &after, None, now).await?;
    Ok(after)
}

/// Makes version `number` of item `id` its next version, as an edit would: a live item of a
/// ministry that is not trusted gets it as a proposal waiting for review. An image deleted from
/// the library since that version is left out; the second value says so. Call it in a
/// transaction.
pub async fn restore<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    actor: &Actor,
    (tenant_id, id): (i32, i32),
    number: i32,
    now: DateTime<Utc>,
) -> AppResult<(E::Model, bool)> {
    let before = content::find_editable::<E>(db, actor, tenant_id, id).await?;
    let revision = revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq(E::KIND.code()))
        .filter(revisions::Column::EntityId.eq(id))
        .filter(revisions::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut snapshot: Snapshot = serde_json::from_str(&revision.snapshot)?;
    let image_left_out = forget_deleted_image::<E>(db, &mut snapshot).await?;
    if changes_wait_for_review::<E>(db, &before).await? {
        let proposed = propose::<E>(db, letterhead, actor, &before, snapshot, now).await?;
        return Ok((proposed, image_left_out));
    }
    let after = apply::<E>(db, &before, &snapshot, now).await?;
    content::record::<E>(db, actor, "restore", Some(&before), &after, now).await?;
    keep_revision::<E>(db, actor, &after, None, now).await?;
    Ok((after, image_left_out))
}

/// Keeps `snapshot` as a proposed change of live item `live`, waiting for review, and tells
/// the reviewers.
pub async fn propose<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    actor: &Actor,
    live: &E::Model,
    snapshot: Snapshot,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let claimed = claim::<E>(db, live, now).await?;
    let revision =
        keep_snapshot::<E>(db, actor, live, snapshot, Status::PendingReview, None, now).await?;
    let after = set::<E>(
        db,
        claimed,
        vec![(E::COLUMNS.proposal_id, Some(revision.id).into())],
    )
    .await?;
    content::record::<E>(db, actor, "propose", Some(live), &after, now).await?;
    notify_reviewers(db, letterhead, now).await?;
    Ok(after)
}

/// The change proposed for `item`, if any: its revision and what the item would become.
pub async fn proposal<E: Content>(
    db: &impl ConnectionTrait,
    item: &E::Model,
) -> AppResult<Option<(revisions::Model, Snapshot)>> {
    let Some(id) = item.proposal_id() else {
        return Ok(None);
    };
    let Some(revision) = revisions::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let snapshot = serde_json::from_str(&revision.snapshot)?;
    Ok(Some((revision, snapshot)))
}

/// What an editor works on: the change proposed for `item` if there is one, else the item.
pub async fn working_copy<E: Content>(
    db: &impl ConnectionTrait,
    item: &E::Model,
) -> AppResult<(E::Model, Snapshot)> {
    match proposal::<E>(db, item).await? {
        Some((_, snapshot)) => Ok((from_snapshot::<E>(&snapshot)?, snapshot)),
        None => Ok((item.clone(), snapshot::<E>(db, item).await?)),
    }
}

/// Submits item `id` of ministry `tenant_id` for review; a trusted ministry's item is
/// published at once (recorded as such). Call it in a transaction.
pub async fn submit<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let before = content::find_editable::<E>(db, actor, tenant_id, id).await?;
    next_status(before.status(), Transition::Submit)
        .ok_or_else(|| AppError::invalid("status", "only a draft can be submitted"))?;
    let trusted = is_trusted(db, tenant_id).await?;
    let (to, action) = if trusted {
        (Status::Published, "publish_trusted")
    } else {
        (Status::PendingReview, "submit")
    };
    let after = move_to::<E>(db, &before, to, now).await?;
    keep_revision::<E>(db, actor, &after, None, now).await?;
    content::record::<E>(db, actor, action, Some(&before), &after, now).await?;
    if !trusted {
        notify_reviewers(db, letterhead, now).await?;
    }
    Ok(after)
}

/// Marks live offer `id` of ministry `tenant_id` as filled ("pourvue"): its page stays online
/// with a banner, and it leaves the listings. A fact, not a change of its texts: no review.
/// Call it in a transaction.
pub async fn mark_filled(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<offers::Model> {
    let before = content::find_editable::<offers::Entity>(db, actor, tenant_id, id).await?;
    next_status(before.status(), Transition::MarkFilled).ok_or_else(|| {
        AppError::invalid("status", "only a published offer can be marked filled")
    })?;
    let moved = move_to::<offers::Entity>(db, &before, Status::Filled, now).await?;
    let after = set::<offers::Entity>(
        db,
        moved,
        vec![(offers::Column::FilledAt, Some(now).into())],
    )
    .await?;
    keep_revision::<offers::Entity>(db, actor, &after, None, now).await?;
    content::record::<offers::Entity>(db, actor, "fill", Some(&before), &after, now).await?;
    Ok(after)
}

/// Items waiting for review: submitted, or live with a proposed change waiting.
fn waiting_condition<E: Content>() -> Condition {
    let waiting_proposals = Query::select()
        .column(revisions::Column::Id)
        .from(revisions::Entity)
        .and_where(revisions::Column::EntityType.eq(E::KIND.code()))
        .and_where(revisions::Column::Status.eq(Status::PendingReview))
        .to_owned();
    Condition::any()
        .add(E::COLUMNS.status.eq(Status::PendingReview))
        .add(E::COLUMNS.proposal_id.in_subquery(waiting_proposals))
}

/// The items waiting for review, oldest first, of one ministry if given.
async fn waiting<E: Content>(
    db: &impl ConnectionTrait,
    tenant_id: Option<i32>,
) -> AppResult<Vec<E::Model>> {
    let columns = &E::COLUMNS;
    let mut query = E::find().filter(waiting_condition::<E>());
    if let Some(tenant_id) = tenant_id {
        query = query.filter(columns.tenant_id.eq(tenant_id));
    }
    Ok(query
        .order_by_asc(columns.updated_at)
        .order_by_asc(columns.id)
        .limit(content::LIST_LIMIT)
        .all(db)
        .await?)
}

/// The review queue, oldest first, of one ministry if given (DINUM admins).
pub async fn queue<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: Option<i32>,
) -> AppResult<Vec<E::Model>> {
    actor.require_admin()?;
    waiting::<E>(db, tenant_id).await
}

/// Item `id`, whatever its ministry (DINUM admins).
async fn find_any<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
) -> AppResult<E::Model> {
    actor.require_admin()?;
    reread::<E>(db, id).await
}

/// An item waiting for review, and what a reviewer compares.
pub struct Waiting<E: Content> {
    /// The item as stored.
    pub item: E::Model,
    /// What would go public: the item, or the change proposed for it.
    pub proposed: E::Model,
    pub proposed_snapshot: Snapshot,
    /// The public version it would replace: the live item, or its last published version;
    /// `None` for a first publication.
    pub public_snapshot: Option<Snapshot>,
    /// The proposal's revision, for a change of a live item.
    proposal: Option<revisions::Model>,
}

/// Item `id` waiting for review (DINUM admins), whatever its ministry.
pub async fn find_waiting<E: Content>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
) -> AppResult<Waiting<E>> {
    let item = find_any::<E>(db, actor, id).await?;
    if item.status() == Status::PendingReview {
        return Ok(Waiting {
            proposed: item.clone(),
            proposed_snapshot: snapshot::<E>(db, &item).await?,
            public_snapshot: last_published::<E>(db, id).await?,
            proposal: None,
            item,
        });
    }
    match proposal::<E>(db, &item).await? {
        Some((revision, proposed_snapshot)) if revision.status == Status::PendingReview => {
            Ok(Waiting {
                proposed: from_snapshot::<E>(&proposed_snapshot)?,
                proposed_snapshot,
                public_snapshot: Some(snapshot::<E>(db, &item).await?),
                proposal: Some(revision),
                item,
            })
        }
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
    let changed = || AppError::invalid("version", "reviewed or changed meanwhile");
    let waiting = match find_waiting::<E>(db, actor, id).await {
        Err(AppError::NotFound) => return Err(changed()),
        other => other?,
    };
    let before = &waiting.item;
    if before.version() != version {
        return Err(changed());
    }
    let comment = comment.trim();
    if decision != Decision::Approve && comment.is_empty() {
        return Err(AppError::invalid("comment", "say what to change, or why"));
    }
    let comment = Some(comment.to_owned()).filter(|c| !c.is_empty());
    let to = next_status(Status::PendingReview, decision.transition())
        .expect("a waiting item can be reviewed");
    let (after, author_id) = match &waiting.proposal {
        None => {
            let after = move_to::<E>(db, before, to, now).await?;
            keep_revision::<E>(db, actor, &after, comment.clone(), now).await?;
            let author_id = after.created_by();
            (after, author_id)
        }
        Some(proposal) if decision == Decision::Approve => {
            let after = apply::<E>(db, before, &waiting.proposed_snapshot, now).await?;
            keep_revision::<E>(db, actor, &after, comment.clone(), now).await?;
            (after, proposal.author_id)
        }
        Some(proposal) => {
            // Sent back, the proposal stays for its editor to rework; refused, it goes.
            let claimed = claim::<E>(db, before, now).await?;
            let snapshot = waiting.proposed_snapshot.clone();
            let kept =
                keep_snapshot::<E>(db, actor, before, snapshot, to, comment.clone(), now).await?;
            let still_proposed = (to == Status::ChangesRequested).then_some(kept.id);
            let after = set::<E>(
                db,
                claimed,
                vec![(E::COLUMNS.proposal_id, still_proposed.into())],
            )
            .await?;
            (after, proposal.author_id)
        }
    };
    let action = match decision {
        Decision::Approve => "approve",
        Decision::RequestChanges => "request_changes",
        Decision::Reject => "reject",
    };
    content::record::<E>(db, actor, action, Some(before), &after, now).await?;
    let title = waiting.proposed.title().to_owned();
    let decided = Decided {
        title,
        status: to,
        comment: comment.unwrap_or_default(),
    };
    email_author::<E>(db, letterhead, author_id, id, decided, now).await?;
    Ok(after)
}

/// What a review decided, for its author.
struct Decided {
    title: String,
    status: Status,
    comment: String,
}

/// Tells user `author_id` what the review of item `id` decided.
async fn email_author<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    author_id: Option<i32>,
    id: i32,
    decided: Decided,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(author_id) = author_id else {
        return Ok(());
    };
    let Some(author) = users::Entity::find_by_id(author_id).one(db).await? else {
        return Ok(());
    };
    let args = [
        ("title", decided.title),
        ("decision", decided.status.as_str().to_owned()),
        ("comment", decided.comment),
        (
            "link",
            format!("{}/admin/{}/{id}", letterhead.base_url, E::KIND.path()),
        ),
    ];
    let mail = mail::compose(letterhead, "review", &author.email, &args)?;
    mail::enqueue(db, &mail, now).await?;
    Ok(())
}

/// Tells the DINUM admins what waits for review: one digest each, which leaves
/// [`DIGEST_DELAY`] after the first item and lists everything waiting by then.
async fn notify_reviewers(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let ministries: std::collections::HashMap<i32, String> = tenants::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|tenant| (tenant.id, tenant.name))
        .collect();
    let mut lines = Vec::new();
    lines.extend(waiting_lines::<offers::Entity>(db, &ministries).await?);
    lines.extend(waiting_lines::<stories::Entity>(db, &ministries).await?);
    let args = [
        ("count", lines.len().to_string()),
        ("items", lines.join("\n")),
        ("link", format!("{}/admin/moderation", letterhead.base_url)),
    ];
    let admins = users::Entity::find()
        .filter(users::Column::IsAdmin.eq(true))
        .all(db)
        .await?;
    for admin in admins {
        let mail = mail::compose(letterhead, "review_digest", &admin.email, &args)?;
        mail::enqueue_digest(db, &mail, now, DIGEST_DELAY).await?;
    }
    Ok(())
}

/// One line per item of `E` waiting for review: its title and ministry.
async fn waiting_lines<E: Content>(
    db: &impl ConnectionTrait,
    ministries: &std::collections::HashMap<i32, String>,
) -> AppResult<Vec<String>> {
    Ok(waiting::<E>(db, None)
        .await?
        .into_iter()
        .map(|item| {
            let ministry = ministries
                .get(&item.tenant_id())
                .cloned()
                .unwrap_or_default();
            format!("- {} ({ministry})", item.title().to_owned())
        })
        .collect())
}

/// The fields of an item as it was last published, from its revisions (`None` if it never was).
pub async fn last_published<E: Content>(
    db: &impl ConnectionTrait,
    id: i32,
) -> AppResult<Option<serde_json::Map<String, serde_json::Value>>> {
    let revision = revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq(E::KIND.code()))
        .filter(revisions::Column::EntityId.eq(id))
        .filter(revisions::Column::Status.eq(Status::Published))
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
        .filter(revisions::Column::EntityType.eq(E::KIND.code()))
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
        .filter(revisions::Column::EntityType.eq(E::KIND.code()))
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
