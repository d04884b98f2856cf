//! What the pages of offers and stories share: saving one from its form, and the view of a
//! stored item under its heading (status, review comment, saved versions, public link).

use minijinja::{Value, context};
use poem::{Response, web::Form};
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, Shown, refused},
    offers::public_url,
};
use crate::{
    codes::Status,
    content::{self, Content, Item, Snapshot},
    error::{AppResult, Problems},
    ids::Id,
    moderation,
};

/// An item the back-office writes from a form: how the form is read and shown.
pub(super) trait Written: Content {
    /// What its form says, and the problems of the values that cannot be read.
    fn read(form: &FormData) -> (Self::New, Problems);

    /// Its form filled with `item`, of which `snapshot` also holds what lives in other tables.
    fn stored_form(item: &Self::Model, snapshot: &Snapshot) -> FormData;

    /// Its form: new (`stored` None) or stored, fresh, previewed or refused.
    fn show(
        admin: &Admin<'_>,
        stored: Option<&Self::Model>,
        form: &FormData,
        shown: Shown,
    ) -> impl Future<Output = AppResult<Response>> + Send;
}

/// Its back-office pages: `/admin/offres`, `/admin/temoignages`.
fn pages<E: Content>() -> String {
    format!("/admin/{}", E::KIND.path())
}

/// The form of item `id` of the current ministry, filled with the change proposed for it if
/// there is one.
pub(super) async fn edit_form<E: Written>(admin: &Admin<'_>, id: Id<E>) -> AppResult<Response> {
    let db = &admin.state.db;
    let item = content::find::<E>(db, &admin.scope()?, id).await?;
    let (working, snapshot) = moderation::working_copy::<E>(db, &item).await?;
    let form = E::stored_form(&working, &snapshot);
    E::show(admin, Some(&item), &form, Shown::Fresh).await
}

/// Saves a new item (`id` None) or item `id`; or shows the form again, previewed or with its
/// problems.
pub(super) async fn save<E: Written>(
    admin: &Admin<'_>,
    id: Option<Id<E>>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    let stored = match id {
        Some(id) => Some(content::find::<E>(&admin.state.db, &scope, id).await?),
        None => None,
    };
    if form.text("intent") == "preview" {
        return E::show(admin, stored.as_ref(), &form, Shown::Preview).await;
    }
    let letterhead = admin.state.letterhead();
    let saved = async {
        let (new, unread) = E::read(&form);
        // Values that cannot be read are told along with what the domain refuses of the rest;
        // then nothing is kept.
        Ok(committed!(admin, |txn| {
            let written = match id {
                Some(id) => moderation::edit::<E>(&txn, &letterhead, &scope, id, &new, now).await,
                None => moderation::create::<E>(&txn, &scope, new, now).await,
            };
            unread.along_with(written)?
        }))
    };
    match refused(admin, saved.await)? {
        Ok(saved) => {
            let notice = match id {
                None => "created",
                Some(_) if is_proposed::<E>(stored.as_ref(), &saved) => "proposed",
                Some(_) => "saved",
            };
            let page = format!("{}/{}", pages::<E>(), saved.id());
            Ok(admin.redirect(&page, notice))
        }
        Err(errors) => E::show(admin, stored.as_ref(), &form, Shown::Refused(errors)).await,
    }
}

/// Whether saving `before` gave a proposal waiting for review rather than a change.
fn is_proposed<E: Content>(before: Option<&E::Model>, saved: &E::Model) -> bool {
    let proposal = |item: &E::Model| item.proposal_id();
    proposal(saved).is_some() && before.map(proposal) != Some(proposal(saved))
}

/// Makes version `number` of item `id` its next version (a proposal waiting for review if
/// it is live), then goes back to its page.
pub(super) async fn restore<E: Written>(
    admin: &Admin<'_>,
    (id, number): (Id<E>, i32),
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    let letterhead = admin.state.letterhead();
    let (restored, image_left_out) = committed!(admin, |txn| moderation::restore::<E>(
        &txn,
        &letterhead,
        &scope,
        id,
        number,
        now
    )
    .await?);
    let notice = match restored.proposal_id() {
        _ if image_left_out => "restored-without-image",
        Some(_) => "proposed",
        None => "restored",
    };
    Ok(admin.redirect(&format!("{}/{id}", pages::<E>()), notice))
}

#[derive(Serialize)]
pub(super) struct Version {
    number: i32,
    at: String,
    author: Option<String>,
    status_label: String,
    comment: Option<String>,
}

/// The saved versions of `item`, newest first, for its page.
pub(super) async fn versions<E: Content>(
    admin: &Admin<'_>,
    item: &E::Model,
) -> AppResult<Vec<Version>> {
    let db = &admin.state.db;
    let revisions = moderation::history::<E>(db, item).await?;
    let authors =
        crate::accounts::users_by_id(db, revisions.iter().filter_map(|r| r.author_id)).await?;
    Ok(revisions
        .into_iter()
        .map(|revision| Version {
            number: revision.number,
            at: super::paris_time(revision.created_at),
            author: revision
                .author_id
                .and_then(|id| authors.get(&id))
                .map(crate::accounts::display_name),
            status_label: admin.t(&format!("admin-status-{}", revision.status)),
            comment: revision.review_comment,
        })
        .collect())
}

/// The reviewer's last comment on `item` if it was sent back or refused, for its author.
pub(super) async fn review_comment<E: Content>(
    admin: &Admin<'_>,
    item: &E::Model,
) -> AppResult<Option<String>> {
    if matches!(item.status(), Status::ChangesRequested | Status::Rejected) {
        moderation::last_comment::<E>(&admin.state.db, item).await
    } else {
        Ok(None)
    }
}

/// Archives item `id` of the current ministry, then goes back to its list.
pub(super) async fn archive<E: Written>(
    admin: &Admin<'_>,
    id: Id<E>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    committed!(admin, |txn| content::archive::<E>(&txn, &scope, id, now)
        .await?);
    Ok(admin.redirect(&pages::<E>(), "archived"))
}

/// Submits item `id` of the current ministry for review (published at once in a trusted
/// ministry), then goes back to its page.
pub(super) async fn submit<E: Written>(
    admin: &Admin<'_>,
    id: Id<E>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    let letterhead = admin.state.letterhead();
    committed!(admin, |txn| moderation::submit::<E>(
        &txn,
        &letterhead,
        &scope,
        id,
        now
    )
    .await?);
    Ok(admin.redirect(&format!("{}/{id}", pages::<E>()), "submitted"))
}

/// The view of stored item `item` (none for a new one): its status, the change proposed for
/// it, review comments, saved versions and public page.
pub(super) async fn item_view<E: Content>(
    admin: &Admin<'_>,
    item: Option<&E::Model>,
) -> AppResult<Value> {
    let Some(item) = item else {
        return Ok(Value::from(()));
    };
    let (id, slug) = (item.id(), item.slug().to_owned());
    let status = item.status().as_str();
    let proposal = moderation::proposal::<E>(&admin.state.db, item)
        .await?
        .map(|(revision, _)| {
            context! {
                status_label => admin.t(&format!("admin-proposal-{}", revision.status)),
                comment => revision.review_comment,
                status => revision.status,
            }
        });
    // Said once: when a change already waits, its own notice says the live version stays.
    let goes_to_review = proposal.is_none() && admin.edit_goes_to_review(item.status());
    Ok(context! {
        review_comment => review_comment::<E>(admin, item).await?,
        proposal => proposal,
        history => versions::<E>(admin, item).await?,
        goes_to_review => goes_to_review,
        id => id,
        status_label => admin.t(&format!("admin-status-{status}")),
        public_url => public_url(admin, item, format!("/{}/{slug}", E::KIND.path())),
        slug => slug,
        status => status,
    })
}
