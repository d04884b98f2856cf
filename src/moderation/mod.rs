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

mod diff;
mod notifications;
mod proposals;
mod queue;
mod revisions;
mod state;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseTransaction, EntityTrait, TransactionTrait};

pub use diff::{Change, changes, is_empty};
pub use notifications::DIGEST_DELAY;
use notifications::{Decided, email_author, notify_reviewers};
use proposals::apply;
pub use proposals::{proposal, proposal_statuses, propose, working_copy};
pub use queue::{Waiting, find_waiting, queue};
use revisions::{forget_deleted_image, keep_snapshot};
pub use revisions::{history, keep_revision, last_comment, last_published, snapshot};
use state::{claim, move_to, set};

use crate::{
    accounts::{AdminScope, Scope},
    codes::Status,
    content::{self, Content, Item, Snapshot},
    entities::{offers, tenants},
    error::{AppError, AppResult, Reason},
    ids::{Id, OfferId, TenantId, UserId},
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

/// Whether ministry `tenant_id` publishes without review.
async fn is_trusted(db: &impl ConnectionTrait, tenant_id: TenantId) -> AppResult<bool> {
    Ok(tenants::Entity::find_by_id(tenant_id.get())
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
    let trusted = is_trusted(db, TenantId::new(item.tenant_id())).await?;
    Ok(edit_goes_to_review(item.status(), trusted))
}

/// Whether an edit of an item in `status` waits for review while the item stays as it is:
/// it is live (published, or filled and still shown) and its ministry is not `trusted`.
pub fn edit_goes_to_review(status: Status, trusted: bool) -> bool {
    matches!(status, Status::Published | Status::Filled) && !trusted
}

/// Writes `new` as a draft of the scope's ministry, audited, with its first revision. Call it
/// in a transaction.
pub async fn create<E: Content>(
    db: &impl ConnectionTrait,
    scope: &Scope,
    new: E::New,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    E::check(db, scope, &new, now).await?;
    let created = E::insert_draft(db, scope, new, now).await?;
    content::record::<E>(db, scope.user(), "create", None, &created, now).await?;
    keep_revision::<E>(db, scope.user(), &created, None, now).await?;
    Ok(created)
}

/// Saves an edit of item `id` of the scope's ministry. A live item of a ministry that is not
/// trusted stays as it is: the edit is written in a savepoint, to check it and see what it
/// gives, then undone and kept as a proposal waiting for review. Call it in a transaction.
pub async fn edit<E: Content>(
    db: &DatabaseTransaction,
    letterhead: &mail::Letterhead<'_>,
    scope: &Scope,
    id: Id<E>,
    new: &E::New,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let before = content::find_editable::<E>(db, scope, id).await?;
    let by = scope.user();
    if changes_wait_for_review::<E>(db, &before).await? {
        let trial = db.begin().await?;
        let proposed = E::write(&trial, scope, &before, new, now).await?;
        let snapshot = snapshot::<E>(&trial, &proposed).await?;
        trial.rollback().await?;
        return propose::<E>(db, letterhead, by, &before, snapshot, now).await;
    }
    let written = E::write(db, scope, &before, new, now).await?;
    let after = set::<E>(
        db,
        written,
        vec![(E::COLUMNS.proposal_id, None::<i32>.into())],
    )
    .await?;
    content::record::<E>(db, by, "update", Some(&before), &after, now).await?;
    keep_revision::<E>(db, by, &after, None, now).await?;
    Ok(after)
}

/// Makes version `number` of item `id` its next version, as an edit would: a live item of a
/// ministry that is not trusted gets it as a proposal waiting for review. An image deleted from
/// the library since that version is left out; the second value says so. Call it in a
/// transaction.
pub async fn restore<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    scope: &Scope,
    id: Id<E>,
    number: i32,
    now: DateTime<Utc>,
) -> AppResult<(E::Model, bool)> {
    let before = content::find_editable::<E>(db, scope, id).await?;
    let by = scope.user();
    let revision = revisions::numbered::<E>(db, &before, number).await?;
    let mut snapshot: Snapshot = serde_json::from_str(&revision.snapshot)?;
    let image_left_out = forget_deleted_image::<E>(db, &mut snapshot).await?;
    if changes_wait_for_review::<E>(db, &before).await? {
        let proposed = propose::<E>(db, letterhead, by, &before, snapshot, now).await?;
        return Ok((proposed, image_left_out));
    }
    let after = apply::<E>(db, &before, &snapshot, now).await?;
    content::record::<E>(db, by, "restore", Some(&before), &after, now).await?;
    keep_revision::<E>(db, by, &after, None, now).await?;
    Ok((after, image_left_out))
}

/// Submits item `id` of the scope's ministry for review; a trusted ministry's item is
/// published at once (recorded as such). Call it in a transaction.
pub async fn submit<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    scope: &Scope,
    id: Id<E>,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let before = content::find_editable::<E>(db, scope, id).await?;
    next_status(before.status(), Transition::Submit)
        .ok_or_else(|| AppError::invalid("status", Reason::WrongStatus))?;
    let trusted = is_trusted(db, scope.tenant()).await?;
    let (to, action) = if trusted {
        (Status::Published, "publish_trusted")
    } else {
        (Status::PendingReview, "submit")
    };
    let after = move_to::<E>(db, &before, to, now).await?;
    keep_revision::<E>(db, scope.user(), &after, None, now).await?;
    content::record::<E>(db, scope.user(), action, Some(&before), &after, now).await?;
    if !trusted {
        notify_reviewers(db, letterhead, now).await?;
    }
    Ok(after)
}

/// Marks live offer `id` of the scope's ministry as filled ("pourvue"): its page stays online
/// with a banner, and it leaves the listings. A fact, not a change of its texts: no review.
/// Call it in a transaction.
pub async fn mark_filled(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: OfferId,
    now: DateTime<Utc>,
) -> AppResult<offers::Model> {
    let before = content::find_editable::<offers::Entity>(db, scope, id).await?;
    next_status(before.status(), Transition::MarkFilled)
        .ok_or_else(|| AppError::invalid("status", Reason::WrongStatus))?;
    let moved = move_to::<offers::Entity>(db, &before, Status::Filled, now).await?;
    let after = set::<offers::Entity>(
        db,
        moved,
        vec![(offers::Column::FilledAt, Some(now).into())],
    )
    .await?;
    let by = scope.user();
    keep_revision::<offers::Entity>(db, by, &after, None, now).await?;
    content::record::<offers::Entity>(db, by, "fill", Some(&before), &after, now).await?;
    Ok(after)
}

/// Reviews item `id` as read at `version`: approve, ask for changes or reject, with a
/// comment the author sees (required unless approving). Two reviewers acting at once cannot
/// both win: the second is told the item changed. The author is emailed. Call it in a
/// transaction.
#[allow(clippy::too_many_arguments)]
pub async fn review<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    scope: &AdminScope,
    id: Id<E>,
    version: i32,
    decision: Decision,
    comment: &str,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let changed = || AppError::invalid("version", Reason::ChangedMeanwhile);
    let by = scope.user();
    let waiting = match find_waiting::<E>(db, scope, id).await {
        Err(AppError::NotFound) => return Err(changed()),
        other => other?,
    };
    let before = &waiting.item;
    if before.version() != version {
        return Err(changed());
    }
    let comment = comment.trim();
    if decision != Decision::Approve && comment.is_empty() {
        return Err(AppError::invalid("comment", Reason::Required));
    }
    let comment = Some(comment.to_owned()).filter(|c| !c.is_empty());
    let to = next_status(Status::PendingReview, decision.transition())
        .expect("a waiting item can be reviewed");
    let (after, author_id) = match &waiting.proposal {
        None => {
            let after = move_to::<E>(db, before, to, now).await?;
            keep_revision::<E>(db, by, &after, comment.clone(), now).await?;
            let author_id = after.created_by().map(UserId::new);
            (after, author_id)
        }
        Some(proposal) if decision == Decision::Approve => {
            let after = apply::<E>(db, before, &waiting.proposed_snapshot, now).await?;
            keep_revision::<E>(db, by, &after, comment.clone(), now).await?;
            (after, proposal.author_id.map(UserId::new))
        }
        Some(proposal) => {
            // Sent back, the proposal stays for its editor to rework; refused, it goes.
            let claimed = claim::<E>(db, before, now).await?;
            let snapshot = waiting.proposed_snapshot.clone();
            let kept =
                keep_snapshot::<E>(db, by, before, snapshot, to, comment.clone(), now).await?;
            let still_proposed = (to == Status::ChangesRequested).then_some(kept.id);
            let after = set::<E>(
                db,
                claimed,
                vec![(E::COLUMNS.proposal_id, still_proposed.into())],
            )
            .await?;
            (after, proposal.author_id.map(UserId::new))
        }
    };
    let action = match decision {
        Decision::Approve => "approve",
        Decision::RequestChanges => "request_changes",
        Decision::Reject => "reject",
    };
    content::record::<E>(db, by, action, Some(before), &after, now).await?;
    let title = waiting.proposed.title().to_owned();
    let decided = Decided {
        title,
        status: to,
        comment: comment.unwrap_or_default(),
    };
    email_author::<E>(db, letterhead, author_id, id, decided, now).await?;
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

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
