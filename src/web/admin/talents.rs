//! `/admin/vivier`: the talent pool as the current ministry sees it (never the profiles hidden
//! from it): a search with filters and words, the talents matching one offer
//! (`?offre=ID`), one profile with its CV (an audited download) and a form to write to the
//! talent through the site. Members of the ministry and DINUM admins only; never cached.

use std::collections::HashMap;

use minijinja::{Value, context};
use poem::{
    Response, handler,
    web::{Form, Path, Query},
};

use super::{
    Admin, Pairs,
    applications::attachment,
    forms::{FormData, Shown, form_view, refused},
};
use crate::{
    codes::{Experience, Profession, Status},
    content::Within,
    entities::talents as talent_rows,
    error::AppResult,
    ids::{OfferId, TalentId},
    offers::Visibility,
    regions,
    talents::pool::{self, Contact, PoolFilter},
    tenants::naming::FrenchName,
};

/// What the pool's windows need: how long profiles last, and now.
fn window(admin: &Admin<'_>) -> (i64, chrono::DateTime<chrono::Utc>) {
    (admin.state.config.jobs.talent_retention_days, admin.now())
}

/// A profile as the list and the page show it (never its address).
fn shown(admin: &Admin<'_>, talent: &talent_rows::Model) -> Value {
    let labels = |list: &str, prefix: &str| -> Vec<String> {
        list.split(',')
            .filter(|code| !code.is_empty())
            .map(|code| match prefix {
                "region" => {
                    regions::region(code).map_or_else(|| code.to_owned(), |r| r.name.to_owned())
                }
                _ => admin.t(&format!("{prefix}-{code}")),
            })
            .collect()
    };
    context! {
        path => admin.page.link(&format!("/admin/vivier/{}", talent.id)),
        name => format!("{} {}", talent.first_name, talent.last_name),
        professions => labels(&talent.professions, "profession"),
        seniority => admin.t(&format!("experience-{}", talent.seniority)),
        regions => labels(&talent.regions, "region"),
        available_from => talent.available_from.map(|day| day.format("%d/%m/%Y").to_string()),
        summary => talent.summary,
        links => talent.links.lines().collect::<Vec<_>>(),
        cv => talent.cv_key.as_ref().map(|_| admin.page.link(&format!("/admin/vivier/{}/cv", talent.id))),
        cv_kb => talent.cv_size.unwrap_or(0) / 1000,
    }
}

/// The search (`q`, `metier`, `region`, `experience`, `disponible` as `YYYY-MM-DD`), or the
/// talents matching offer `offre` of the current ministry.
#[handler]
pub async fn search(
    admin: Admin<'_>,
    Query(params): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let scope = admin.scope()?;
    let db = &admin.state.db;
    let get = |name: &str| params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let offer = match get("offre").and_then(|id| id.parse().ok()) {
        Some(id) => Some(
            crate::content::find::<crate::entities::offers::Entity>(db, &scope, OfferId::new(id))
                .await?,
        ),
        None => None,
    };
    let filter = PoolFilter {
        q: get("q")
            .map(|q| q.chars().take(200).collect())
            .unwrap_or_default(),
        profession: get("metier").and_then(Profession::parse),
        region: get("region")
            .and_then(regions::region)
            .map(|r| r.code.to_owned()),
        seniority: get("experience").and_then(Experience::parse),
        available_by: get("disponible").and_then(crate::text::parse_day),
    };
    let found = match &offer {
        Some(offer) => pool::matches(db, &scope, offer, window(&admin)).await?,
        None => pool::search(db, &scope, &filter, window(&admin)).await?,
    };
    let values = FormData::new(
        [
            ("q", filter.q.clone()),
            (
                "metier",
                filter
                    .profession
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default(),
            ),
            ("region", filter.region.clone().unwrap_or_default()),
            (
                "experience",
                filter
                    .seniority
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_default(),
            ),
            (
                "disponible",
                filter
                    .available_by
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect(),
    );
    let data = context! {
        talents => found.iter().map(|talent| shown(&admin, talent)).collect::<Vec<_>>(),
        limit => pool::SEARCH_LIMIT,
        offer => offer.map(|offer| context! {
            title => offer.title,
            path => admin.page.link(&format!("/admin/offres/{}", offer.id)),
        }),
        form => form_view(&values, &[], &Default::default()),
        choices => crate::web::portal::talents::profile_choices(&admin.page),
    };
    let title = admin.t("admin-talents-title");
    admin.render("admin/talents.html", title, "talents", data)
}

/// The page of `talent`, with its contact form as `shown` (what was typed when refused).
async fn show(
    admin: &Admin<'_>,
    talent: &talent_rows::Model,
    (form_shown, typed): (Shown, Option<&FormData>),
) -> AppResult<Response> {
    let offers: Vec<super::offers::Choice> = crate::offers::editing::list(
        &admin.state.db,
        &Within::Ministry(admin.scope()?),
        Some(Status::Published),
        "",
    )
    .await?
    .into_iter()
    .filter(|offer| crate::offers::visibility(offer, admin.now()) == Some(Visibility::Live))
    .map(|offer| super::offers::Choice {
        code: offer.id.to_string(),
        label: offer.title,
    })
    .collect();
    let data = context! {
        talent => shown(admin, talent),
        offers => offers,
        form => form_view(typed.unwrap_or(&FormData::default()), &[], form_shown.errors()),
        action => admin.page.link(&format!("/admin/vivier/{}/contact", talent.id)),
        max_message => pool::MAX_MESSAGE_CHARS,
    };
    let title = admin.t("admin-talent-title");
    admin.render_form(
        form_shown.errors(),
        "admin/talent.html",
        title,
        "talents",
        data,
    )
}

#[handler]
pub async fn item(admin: Admin<'_>, Path(id): Path<TalentId>) -> AppResult<Response> {
    let talent = pool::find(&admin.state.db, &admin.scope()?, id, window(&admin)).await?;
    show(&admin, &talent, (Shown::Fresh, None)).await
}

/// Writes to the talent through the site.
#[handler]
pub async fn contact(
    admin: Admin<'_>,
    Path(id): Path<TalentId>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let (scope, now) = (admin.scope()?, admin.now());
    let talent = pool::find(&admin.state.db, &scope, id, window(&admin)).await?;
    let letterhead = admin.state.letterhead();
    let (ministry, ministry_of) = admin
        .current
        .as_ref()
        .map(|m| (m.name.clone(), FrenchName::new(&m.short_name, &m.name).of))
        .unwrap_or_default();
    let offer = form
        .optional("offer")
        .and_then(|id| id.parse().ok())
        .map(OfferId::new);
    let message = form.raw("message").to_owned();
    let written = async {
        let contact = Contact {
            from: &admin.actor.user.email,
            ministry: &ministry,
            ministry_of: &ministry_of,
            message: &message,
            offer,
        };
        committed!(admin, |txn| pool::contact(
            &txn,
            &letterhead,
            &scope,
            (&talent, contact),
            now
        )
        .await?);
        Ok(())
    };
    match refused(&admin, written.await)? {
        Ok(()) => Ok(admin.redirect(&format!("/admin/vivier/{id}"), "talent-contacted")),
        Err(errors) => show(&admin, &talent, (Shown::Refused(errors), Some(&form))).await,
    }
}

/// The talent's CV, as an attachment nobody caches; reading it is audited.
#[handler]
pub async fn cv(admin: Admin<'_>, Path(id): Path<TalentId>) -> AppResult<Response> {
    let state = admin.state;
    let scope = admin.scope()?;
    let talent = pool::find(&state.db, &scope, id, window(&admin)).await?;
    let bytes = pool::cv(&state.db, &state.storage, &scope, &talent, admin.now()).await?;
    Ok(attachment(
        "application/pdf",
        &format!("cv-talent-{id}.pdf"),
        bytes,
    ))
}
