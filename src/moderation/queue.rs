//! The review queue: what waits for a DINUM admin, whatever its ministry.

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect, sea_query::Query,
};

use super::{
    proposals::proposal,
    revisions::{from_snapshot, last_published, snapshot},
    state::reread,
};
use crate::{
    accounts::AdminScope,
    codes::Status,
    content::{self, Content, Item, Snapshot},
    entities::revisions,
    error::{AppError, AppResult},
    ids::{Id, TenantId},
};

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
pub(super) async fn waiting<E: Content>(
    db: &impl ConnectionTrait,
    tenant_id: Option<TenantId>,
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
    _scope: &AdminScope,
    tenant_id: Option<TenantId>,
) -> AppResult<Vec<E::Model>> {
    waiting::<E>(db, tenant_id).await
}

/// Item `id`, whatever its ministry (DINUM admins).
async fn find_any<E: Content>(
    db: &impl ConnectionTrait,
    _scope: &AdminScope,
    id: Id<E>,
) -> AppResult<E::Model> {
    reread::<E>(db, id.get()).await
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
    pub(super) proposal: Option<revisions::Model>,
}

/// Item `id` waiting for review (DINUM admins), whatever its ministry.
pub async fn find_waiting<E: Content>(
    db: &impl ConnectionTrait,
    scope: &AdminScope,
    id: Id<E>,
) -> AppResult<Waiting<E>> {
    let item = find_any::<E>(db, scope, id).await?;
    if item.status() == Status::PendingReview {
        return Ok(Waiting {
            proposed: item.clone(),
            proposed_snapshot: snapshot::<E>(db, &item).await?,
            public_snapshot: last_published::<E>(db, &item).await?,
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
