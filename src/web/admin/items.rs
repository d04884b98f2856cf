//! What the pages of offers and stories share: saving one from its form, and the view of a
//! stored item under its heading (status, review comment, saved versions, public link).

use chrono::{DateTime, Utc};
use minijinja::{Value, context};
use poem::{Response, web::Form};
use sea_orm::DatabaseTransaction;
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, Shown, refused},
    offers::public_url,
};
use crate::{
    accounts::Actor,
    codes::Status,
    content::{self, Content},
    error::AppResult,
};

/// An item the back-office writes from a form: how the form is read, how the item is
/// written, shown, and where its pages are.
pub(super) trait Written: Content {
    /// What its form yields.
    type New: Send + Sync;
    /// Its back-office pages: `/admin/offres`, `/admin/temoignages`.
    const PAGES: &'static str;

    fn read(form: &FormData) -> AppResult<Self::New>;

    fn create(
        db: &DatabaseTransaction,
        actor: &Actor,
        tenant_id: i32,
        new: Self::New,
        now: DateTime<Utc>,
    ) -> impl Future<Output = AppResult<Self::Model>> + Send;

    /// Rewrites item `id` of ministry `tenant_id`.
    fn rewrite(
        db: &DatabaseTransaction,
        actor: &Actor,
        tenant_id: i32,
        id: i32,
        new: &Self::New,
        now: DateTime<Utc>,
    ) -> impl Future<Output = AppResult<Self::Model>> + Send;

    /// Its form: new (`stored` None) or stored, fresh, previewed or refused.
    fn show(
        admin: &Admin<'_>,
        stored: Option<&Self::Model>,
        form: &FormData,
        shown: Shown,
    ) -> impl Future<Output = AppResult<Response>> + Send;
}

/// Saves a new item (`id` None) or item `id`; or shows the form again, previewed or with its
/// problems.
pub(super) async fn save<E: Written>(
    admin: &Admin<'_>,
    id: Option<i32>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let (actor, tenant_id, now) = admin.scope()?;
    let stored = match id {
        Some(id) => Some(content::find::<E>(&admin.state.db, actor, tenant_id, id).await?),
        None => None,
    };
    if form.text("intent") == "preview" {
        return E::show(admin, stored.as_ref(), &form, Shown::Preview).await;
    }
    let saved = async {
        let new = E::read(&form)?;
        Ok(committed!(admin, |txn| match id {
            Some(id) => E::rewrite(&txn, actor, tenant_id, id, &new, now).await?,
            None => E::create(&txn, actor, tenant_id, new, now).await?,
        }))
    };
    match refused(admin, saved.await)? {
        Ok(saved) => {
            let notice = if id.is_some() { "saved" } else { "created" };
            let page = format!("{}/{}", E::PAGES, content::int::<E>(&saved, "id"));
            Ok(admin.redirect(&page, notice))
        }
        Err(errors) => E::show(admin, stored.as_ref(), &form, Shown::Refused(errors)).await,
    }
}

#[derive(Serialize)]
pub(super) struct Version {
    number: i32,
    at: String,
    author: Option<String>,
    status_label: String,
    comment: Option<String>,
}

/// The saved versions of an item, newest first, for its page.
pub(super) async fn versions<E: Content>(admin: &Admin<'_>, id: i32) -> AppResult<Vec<Version>> {
    let db = &admin.state.db;
    let revisions = crate::moderation::history::<E>(db, id).await?;
    let authors =
        crate::accounts::users_by_id(db, revisions.iter().filter_map(|r| r.author_id)).await?;
    Ok(revisions
        .into_iter()
        .map(|revision| Version {
            number: revision.number,
            at: revision.created_at.format("%d/%m/%Y %H:%M").to_string(),
            author: revision
                .author_id
                .and_then(|id| authors.get(&id))
                .map(crate::accounts::display_name),
            status_label: admin.t(&format!("admin-status-{}", revision.status)),
            comment: revision.review_comment,
        })
        .collect())
}

/// The reviewer's last comment on an item sent back or refused, for its author.
pub(super) async fn review_comment<E: Content>(
    admin: &Admin<'_>,
    id: i32,
    status: &str,
) -> AppResult<Option<String>> {
    if status == Status::ChangesRequested.as_str() || status == Status::Rejected.as_str() {
        crate::moderation::last_comment::<E>(&admin.state.db, id).await
    } else {
        Ok(None)
    }
}

/// Archives item `id` of the current ministry, then goes back to its list.
pub(super) async fn archive<E: Written>(
    admin: &Admin<'_>,
    id: i32,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (actor, tenant_id, now) = admin.scope()?;
    committed!(admin, |txn| content::archive::<E>(
        &txn, actor, tenant_id, id, now
    )
    .await?);
    Ok(admin.redirect(E::PAGES, "archived"))
}

/// Submits item `id` of the current ministry for review (published at once in a trusted
/// ministry), then goes back to its page.
pub(super) async fn submit<E: Written>(
    admin: &Admin<'_>,
    id: i32,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (actor, tenant_id, now) = admin.scope()?;
    committed!(admin, |txn| crate::moderation::submit::<E>(
        &txn, actor, tenant_id, id, now
    )
    .await?);
    Ok(admin.redirect(&format!("{}/{id}", E::PAGES), "submitted"))
}

/// The view of stored item `item` (none for a new one) whose public page is under
/// `public_path` (`/offres`, `/temoignages`).
pub(super) async fn item_view<E: Content>(
    admin: &Admin<'_>,
    item: Option<&E::Model>,
    public_path: &str,
) -> AppResult<Value> {
    let Some(item) = item else {
        return Ok(Value::from(()));
    };
    let (id, slug) = (
        content::int::<E>(item, "id"),
        content::text::<E>(item, "slug"),
    );
    let status = content::status_of::<E>(item);
    Ok(context! {
        review_comment => review_comment::<E>(admin, id, &status).await?,
        history => versions::<E>(admin, id).await?,
        goes_to_review => admin.edit_goes_to_review(&status),
        id => id,
        status_label => admin.t(&format!("admin-status-{status}")),
        public_url => public_url(admin, &status, format!("{public_path}/{slug}")),
        slug => slug,
        status => status,
    })
}
