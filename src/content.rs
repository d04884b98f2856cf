//! What offers and stories share in the back-office: each belongs to a ministry and has a slug,
//! a life-cycle status, a version and an author. The functions here find, list, copy and archive
//! either of them, always within the ministry the acting user works on: an item of another
//! ministry is not found.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, QuerySelect, QueryTrait, TryInsertResult,
};
use serde::{Serialize, de::DeserializeOwned};

use crate::{
    accounts::{AdminScope, Scope},
    audit,
    codes::Status,
    entities::{offers, revisions, stories},
    error::{AppError, AppResult, Problems, Reason},
    ids::{Id, MediaId, UserId},
    slug,
};

/// How many items a back-office list shows at most.
pub const LIST_LIMIT: u64 = 500;

/// The kinds of content editors write and DINUM admins review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentKind {
    Offer,
    Story,
}

impl ContentKind {
    pub const ALL: [Self; 2] = [Self::Offer, Self::Story];

    /// Its name in the audit log, the revisions and the messages: `offer`, `story`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Offer => "offer",
            Self::Story => "story",
        }
    }

    /// Where its pages are, under `/admin` and on the portal: `offres`, `temoignages`.
    pub fn path(self) -> &'static str {
        match self {
            Self::Offer => "offres",
            Self::Story => "temoignages",
        }
    }

    /// The kind whose pages are at `path`.
    pub fn from_path(path: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.path() == path)
    }
}

/// The columns every content table has, named by its own entity: what the life cycle reads
/// and writes, checked by the compiler.
pub struct Columns<C> {
    pub id: C,
    pub tenant_id: C,
    pub slug: C,
    pub status: C,
    pub published_at: C,
    pub publish_at: C,
    pub proposal_id: C,
    pub version: C,
    pub created_by: C,
    pub created_at: C,
    pub updated_at: C,
}

impl<C: ColumnTrait> Columns<C> {
    /// The columns of the life cycle, which neither an edit nor a restored version changes.
    pub fn life_cycle(&self) -> [&C; 10] {
        [
            &self.id,
            &self.tenant_id,
            &self.slug,
            &self.status,
            &self.published_at,
            &self.version,
            &self.created_by,
            &self.created_at,
            &self.updated_at,
            &self.proposal_id,
        ]
    }
}

/// What the life cycle reads of an item, whatever its kind.
pub trait Item {
    fn id(&self) -> i32;
    fn tenant_id(&self) -> i32;
    fn slug(&self) -> &str;
    fn status(&self) -> Status;
    fn version(&self) -> i32;
    fn proposal_id(&self) -> Option<i32>;
    fn created_by(&self) -> Option<i32>;
    fn publish_at(&self) -> Option<DateTime<Utc>>;
    fn updated_at(&self) -> DateTime<Utc>;
    /// The text that names it in lists and emails.
    fn title(&self) -> &str;
    /// Whether its public page shows at `now` (a filled offer's page included).
    fn is_public(&self, now: DateTime<Utc>) -> bool;
}

/// The typed id of `model`.
pub fn id_of<E: Content>(model: &E::Model) -> Id<E> {
    Id::new(model.id())
}

/// Implements [`Item`] for a content model whose name field is `$title` and whose public
/// visibility `$is_public` tells.
macro_rules! content_item {
    ($model:ty, $title:ident, $is_public:expr) => {
        impl Item for $model {
            fn id(&self) -> i32 {
                self.id
            }
            fn tenant_id(&self) -> i32 {
                self.tenant_id
            }
            fn slug(&self) -> &str {
                &self.slug
            }
            fn status(&self) -> Status {
                self.status
            }
            fn version(&self) -> i32 {
                self.version
            }
            fn proposal_id(&self) -> Option<i32> {
                self.proposal_id
            }
            fn created_by(&self) -> Option<i32> {
                self.created_by
            }
            fn publish_at(&self) -> Option<DateTime<Utc>> {
                self.publish_at
            }
            fn updated_at(&self) -> DateTime<Utc> {
                self.updated_at
            }
            fn title(&self) -> &str {
                &self.$title
            }
            fn is_public(&self, now: DateTime<Utc>) -> bool {
                $is_public(self, now)
            }
        }
    };
}

content_item!(offers::Model, title, |offer: &offers::Model, now| {
    use crate::offers::Visibility;
    let shown = crate::offers::visibility(offer, now);
    matches!(shown, Some(Visibility::Live | Visibility::Filled))
});
content_item!(
    stories::Model,
    person_name,
    |story: &stories::Model, now| {
        let day_reached = story.published_at.is_none_or(|at| at <= now);
        story.status == Status::Published && day_reached
    }
);

/// The shared columns of an entity whose column enum has the usual variant names.
macro_rules! content_columns {
    ($column:ty) => {
        Columns {
            id: <$column>::Id,
            tenant_id: <$column>::TenantId,
            slug: <$column>::Slug,
            status: <$column>::Status,
            published_at: <$column>::PublishedAt,
            publish_at: <$column>::PublishAt,
            proposal_id: <$column>::ProposalId,
            version: <$column>::Version,
            created_by: <$column>::CreatedBy,
            created_at: <$column>::CreatedAt,
            updated_at: <$column>::UpdatedAt,
        }
    };
}

/// A snapshot of an item: its row as JSON, plus what lives in other tables (an offer's contract
/// types). Revisions keep them.
pub type Snapshot = serde_json::Map<String, serde_json::Value>;

/// An entity written in the back-office: its table has the [`Columns`] of the life cycle.
pub trait Content:
    EntityTrait<
        Model: Serialize
                   + Item
                   + DeserializeOwned
                   + Clone
                   + IntoActiveModel<Self::ActiveModel>
                   + Send
                   + Sync,
        ActiveModel: ActiveModelBehavior + Send,
    >
{
    const KIND: ContentKind;
    /// Its columns that the life cycle reads and writes.
    const COLUMNS: Columns<Self::Column>;
    /// The column holding the image of its media library it shows, by name (as in snapshots).
    const IMAGE: &'static str;
    /// Its own columns that neither an edit nor a restored version changes (what an importer
    /// set, for instance), besides the life-cycle columns all share.
    const KEPT: &'static [&'static str] = &[];
    /// What follows its form: the fields an editor writes.
    type New: Sync;

    /// Refuses what is wrong with `new`, every field at once: its written fields, what it
    /// points at outside the scope's ministry (a service, an image), and dates already passed
    /// at `now`. Reads, never writes.
    fn check(
        db: &impl ConnectionTrait,
        scope: &Scope,
        new: &Self::New,
        now: DateTime<Utc>,
    ) -> impl Future<Output = AppResult<()>> + Send;

    /// Writes `new`, checked, as a new draft of the scope's ministry by the scope's user.
    fn insert_draft(
        db: &impl ConnectionTrait,
        scope: &Scope,
        new: Self::New,
        now: DateTime<Utc>,
    ) -> impl Future<Output = AppResult<Self::Model>> + Send;

    /// Checks `new` and writes it over `existing` (found through `scope`), whose slug,
    /// ministry and life cycle stay.
    fn write(
        db: &impl ConnectionTrait,
        scope: &Scope,
        existing: &Self::Model,
        new: &Self::New,
        now: DateTime<Utc>,
    ) -> impl Future<Output = AppResult<Self::Model>> + Send;

    /// What a snapshot of item `id` keeps besides its row.
    fn extras(
        db: &impl ConnectionTrait,
        id: Id<Self>,
    ) -> impl Future<Output = AppResult<Snapshot>> + Send {
        let _ = (db, id);
        async { Ok(Snapshot::new()) }
    }

    /// Puts back what [`Content::extras`] kept of item `id` in `snapshot`.
    fn restore_extras(
        db: &impl ConnectionTrait,
        id: Id<Self>,
        snapshot: &Snapshot,
    ) -> impl Future<Output = AppResult<()>> + Send {
        let _ = (db, id, snapshot);
        async { Ok(()) }
    }
}

impl Content for offers::Entity {
    const KIND: ContentKind = ContentKind::Offer;
    const COLUMNS: Columns<offers::Column> = content_columns!(offers::Column);
    const IMAGE: &'static str = "illustration_media_id";
    const KEPT: &'static [&'static str] =
        &["filled_at", "source_name", "external_id", "external_url"];
    type New = crate::offers::NewOffer;

    async fn check(
        db: &impl ConnectionTrait,
        scope: &Scope,
        new: &Self::New,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let mut problems = Problems::default();
        problems.check(new.check())?;
        // An offer whose deadline has passed would expire as soon as it is approved.
        if new.expires_at.is_some_and(|deadline| deadline <= now) {
            problems.add("expires_at", Reason::InThePast);
        }
        let structure = crate::offers::editing::check_structure(db, scope, new.structure_id);
        problems.check(structure.await)?;
        let illustration = new.illustration_media_id.map(MediaId::new);
        let owned = crate::media::check_owned(db, scope, illustration, "illustration_media_id");
        problems.check(owned.await)?;
        problems.into_result()
    }

    async fn insert_draft(
        db: &impl ConnectionTrait,
        scope: &Scope,
        new: Self::New,
        now: DateTime<Utc>,
    ) -> AppResult<offers::Model> {
        // What an importer or the life cycle sets is not the editor's to write.
        let draft = crate::offers::NewOffer {
            created_by: scope.user().map(UserId::get),
            status: Some(Status::Draft),
            published_at: None,
            filled_at: None,
            source_name: None,
            external_id: None,
            external_url: None,
            ..new
        };
        crate::offers::create(db, scope, draft, now).await
    }

    async fn write(
        db: &impl ConnectionTrait,
        scope: &Scope,
        existing: &offers::Model,
        new: &Self::New,
        now: DateTime<Utc>,
    ) -> AppResult<offers::Model> {
        Self::check(db, scope, new, now).await?;
        crate::offers::update(db, existing, new, now).await
    }

    async fn extras(db: &impl ConnectionTrait, id: Id<Self>) -> AppResult<Snapshot> {
        let codes: Vec<serde_json::Value> = crate::offers::contract_types(db, &[id])
            .await?
            .remove(&id.get())
            .unwrap_or_default()
            .into_iter()
            .map(|code| code.as_str().into())
            .collect();
        Ok(Snapshot::from_iter([(
            "contract_types".to_owned(),
            codes.into(),
        )]))
    }

    async fn restore_extras(
        db: &impl ConnectionTrait,
        id: Id<Self>,
        snapshot: &Snapshot,
    ) -> AppResult<()> {
        let codes = crate::offers::snapshot_contract_types(snapshot);
        crate::offers::replace_contract_types(db, id, &codes).await
    }
}

impl Content for stories::Entity {
    const KIND: ContentKind = ContentKind::Story;
    const COLUMNS: Columns<stories::Column> = content_columns!(stories::Column);
    const IMAGE: &'static str = "photo_media_id";
    type New = crate::stories::NewStory;

    async fn check(
        db: &impl ConnectionTrait,
        scope: &Scope,
        new: &Self::New,
        _now: DateTime<Utc>,
    ) -> AppResult<()> {
        let mut problems = Problems::default();
        problems.check(new.check())?;
        let photo = new.photo_media_id.map(MediaId::new);
        let owned = crate::media::check_owned(db, scope, photo, "photo_media_id");
        problems.check(owned.await)?;
        problems.into_result()
    }

    async fn insert_draft(
        db: &impl ConnectionTrait,
        scope: &Scope,
        new: Self::New,
        now: DateTime<Utc>,
    ) -> AppResult<stories::Model> {
        let draft = crate::stories::NewStory {
            created_by: scope.user().map(UserId::get),
            status: Some(Status::Draft),
            published_at: None,
            ..new
        };
        crate::stories::create(db, scope, draft, now).await
    }

    async fn write(
        db: &impl ConnectionTrait,
        scope: &Scope,
        existing: &stories::Model,
        new: &Self::New,
        now: DateTime<Utc>,
    ) -> AppResult<stories::Model> {
        Self::check(db, scope, new, now).await?;
        crate::stories::update(db, existing, new, now).await
    }
}

/// The audit subject of an item.
fn subject<E: Content>(model: &E::Model) -> audit::Subject<'static> {
    audit::Subject {
        tenant_id: Some(model.tenant_id()),
        entity_type: E::KIND.code(),
        entity_id: Some(model.id()),
    }
}

/// Records `action` (`create`, `update`…) by `by` on an item, with its states before and
/// after.
pub async fn record<E: Content>(
    db: &impl ConnectionTrait,
    by: Option<UserId>,
    action: &str,
    before: Option<&E::Model>,
    after: &E::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let action = format!("{}.{action}", E::KIND.code());
    let subject = subject::<E>(after);
    audit::record(db, by, &action, subject, before, Some(after), now).await
}

/// The ids of the changes proposed to live items of `E` that are in `status` (waiting for
/// review, sent back…).
fn proposals_in<E: Content>(status: Status) -> sea_orm::sea_query::SelectStatement {
    revisions::Entity::find()
        .select_only()
        .column(revisions::Column::Id)
        .filter(revisions::Column::EntityType.eq(E::KIND.code()))
        .filter(revisions::Column::Status.eq(status))
        .into_query()
}

/// Whose items a back-office list shows.
pub enum Within {
    /// The ministry the acting user works on.
    Ministry(Scope),
    /// Every ministry: the DINUM admins' view across ministries.
    Everywhere(AdminScope),
}

impl Within {
    pub fn is_everywhere(&self) -> bool {
        matches!(self, Within::Everywhere(_))
    }
}

/// The items `within` a ministry or everywhere, newest change first, of one status if given
/// (a live item whose proposed change is in that status included), matching `words` (a
/// condition on the entity's own columns).
pub async fn list<E: Content>(
    db: &impl ConnectionTrait,
    within: &Within,
    status: Option<Status>,
    words: Condition,
) -> AppResult<Vec<E::Model>> {
    let mut query = E::find().filter(words);
    if let Within::Ministry(scope) = within {
        query = query.filter(E::COLUMNS.tenant_id.eq(scope.tenant()));
    }
    if let Some(status) = status {
        query = query.filter(
            Condition::any()
                .add(E::COLUMNS.status.eq(status.as_str()))
                .add(
                    E::COLUMNS
                        .proposal_id
                        .in_subquery(proposals_in::<E>(status)),
                ),
        );
    }
    Ok(query
        .order_by_desc(E::COLUMNS.updated_at)
        .order_by_desc(E::COLUMNS.id)
        .limit(LIST_LIMIT)
        .all(db)
        .await?)
}

/// Item `id` of the scope's ministry.
pub async fn find<E: Content>(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: Id<E>,
) -> AppResult<E::Model> {
    E::find()
        .filter(E::COLUMNS.id.eq(id))
        .filter(E::COLUMNS.tenant_id.eq(scope.tenant()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Item `id` of the scope's ministry, which may still change (it is not archived).
pub async fn find_editable<E: Content>(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: Id<E>,
) -> AppResult<E::Model> {
    let found = find::<E>(db, scope, id).await?;
    if found.status() == Status::Archived {
        return Err(AppError::invalid("status", Reason::Archived));
    }
    Ok(found)
}

/// Whether an item of `E` already uses `slug`.
pub async fn slug_taken<E: Content>(db: &impl ConnectionTrait, slug: &str) -> AppResult<bool> {
    Ok(E::find()
        .filter(E::COLUMNS.slug.eq(slug))
        .one(db)
        .await?
        .is_some())
}

/// How many slugs a new item tries before giving up.
const SLUG_ATTEMPTS: usize = 50;

/// Inserts `model` under `slug`. A slug derived from the item's name (`derived`) that another
/// item took, even a moment ago (a double click), gives way to the next free one (`slug-2`…);
/// a slug the editor typed that is taken is refused.
pub(crate) async fn insert_with_slug<E: Content>(
    db: &impl ConnectionTrait,
    model: E::ActiveModel,
    slug: &str,
    derived: bool,
) -> AppResult<E::Model>
where
    E::ActiveModel: Clone,
{
    let candidates = slug::numbered(slug).take(if derived { SLUG_ATTEMPTS } else { 1 });
    insert_under_free_slug::<E>(db, model, candidates, derived).await
}

/// Inserts `model` under the first of `candidates` no item holds (looked up first when
/// `look_first`, and always checked by the database, so that two inserts at once cannot take
/// the same one).
async fn insert_under_free_slug<E: Content>(
    db: &impl ConnectionTrait,
    mut model: E::ActiveModel,
    candidates: impl Iterator<Item = String>,
    look_first: bool,
) -> AppResult<E::Model>
where
    E::ActiveModel: Clone,
{
    for candidate in candidates {
        if look_first && slug_taken::<E>(db, &candidate).await? {
            continue;
        }
        model.set(E::COLUMNS.slug, candidate.into());
        // Keys only: on a conflict, the insert returns no row, which sea-orm's model-returning
        // insert takes for an error.
        let inserted = E::insert(model.clone())
            .on_conflict_do_nothing_on([E::COLUMNS.slug])
            .exec_with_returning_keys(db)
            .await?;
        if let TryInsertResult::Inserted(keys) = inserted
            && let Some(key) = keys.into_iter().next()
        {
            return E::find_by_id(key).one(db).await?.ok_or(AppError::NotFound);
        }
    }
    Err(AppError::invalid("slug", Reason::AlreadyUsed))
}

/// Copies item `id` as a new draft of the same ministry, with a free slug; `adjust` resets
/// what else a copy must not keep. Returns the original and the copy. Call it in a
/// transaction.
pub async fn duplicate<E: Content>(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: Id<E>,
    adjust: impl FnOnce(&mut E::ActiveModel),
    now: DateTime<Utc>,
) -> AppResult<(E::Model, E::Model)>
where
    E::ActiveModel: Clone,
{
    let original = find::<E>(db, scope, id).await?;
    let mut copy = original.clone().into_active_model();
    copy.not_set(E::COLUMNS.id);
    copy.set(E::COLUMNS.status, Status::Draft.into());
    copy.set(E::COLUMNS.published_at, None::<DateTime<Utc>>.into());
    copy.set(E::COLUMNS.publish_at, None::<DateTime<Utc>>.into());
    copy.set(E::COLUMNS.proposal_id, None::<i32>.into());
    copy.set(E::COLUMNS.version, 1.into());
    copy.set(E::COLUMNS.created_by, scope.user().map(UserId::get).into());
    copy.set(E::COLUMNS.created_at, now.into());
    copy.set(E::COLUMNS.updated_at, now.into());
    adjust(&mut copy);
    let candidates = slug::copy_candidates(original.slug()).take(SLUG_ATTEMPTS);
    let copy = insert_under_free_slug::<E>(db, copy, candidates, true).await?;
    record::<E>(db, scope.user(), "duplicate", Some(&original), &copy, now).await?;
    Ok((original, copy))
}

/// Archives item `id`: it leaves the portal for good. Call it in a transaction.
pub async fn archive<E: Content>(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: Id<E>,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let before = find_editable::<E>(db, scope, id).await?;
    let mut active = before.clone().into_active_model();
    active.set(E::COLUMNS.status, Status::Archived.into());
    active.set(E::COLUMNS.proposal_id, None::<i32>.into());
    active.set(E::COLUMNS.version, (before.version() + 1).into());
    active.set(E::COLUMNS.updated_at, now.into());
    let after = active.update(db).await?;
    record::<E>(db, scope.user(), "archive", Some(&before), &after, now).await?;
    Ok(after)
}

/// How many items of the scope's ministry are in each status; a live item whose proposed
/// change waits or was sent back counts both as live and in its change's status.
pub async fn count_by_status<E: Content>(
    db: &impl ConnectionTrait,
    scope: &Scope,
) -> AppResult<Vec<(String, i64)>> {
    let items: Vec<(String, i64)> = E::find()
        .select_only()
        .column(E::COLUMNS.status)
        .column_as(E::COLUMNS.id.count(), "count")
        .filter(E::COLUMNS.tenant_id.eq(scope.tenant()))
        .group_by(E::COLUMNS.status)
        .into_tuple()
        .all(db)
        .await?;
    let proposed_changes = E::find()
        .select_only()
        .column(E::COLUMNS.proposal_id)
        .filter(E::COLUMNS.tenant_id.eq(scope.tenant()))
        .filter(E::COLUMNS.proposal_id.is_not_null())
        .into_query();
    let proposals: Vec<(String, i64)> = revisions::Entity::find()
        .select_only()
        .column(revisions::Column::Status)
        .column_as(revisions::Column::Id.count(), "count")
        .filter(revisions::Column::Id.in_subquery(proposed_changes))
        .group_by(revisions::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut totals = std::collections::BTreeMap::<String, i64>::new();
    for (status, count) in items.into_iter().chain(proposals) {
        *totals.entry(status).or_default() += count;
    }
    Ok(totals.into_iter().collect())
}
