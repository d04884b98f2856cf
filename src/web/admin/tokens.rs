//! `/admin/jetons`: the current ministry's API tokens (its managers). A new token's secret is
//! shown once, on the page that answers its creation, and never again.

use minijinja::context;
use poem::{
    Response, handler,
    web::{Form, Path},
};
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, Shown, form_view, refused},
    offers::Choice,
};
use crate::{
    accounts,
    error::{AppError, AppResult, Reason},
    integration::tokens::{self, DEFAULT_VALID_DAYS, Grant, NewToken},
};

#[derive(Serialize)]
struct TokenRow {
    id: i32,
    name: String,
    prefix: String,
    scopes: Vec<String>,
    created_by: Option<String>,
    created_at: String,
    expires_at: String,
    last_used_at: Option<String>,
    /// `valid`, `expired` or `revoked`.
    state: &'static str,
}

/// A token just made: its secret, shown once.
#[derive(Serialize)]
struct Made {
    name: String,
    secret: String,
}

/// The page, with the creation form as typed (`form`) and its problems, and the token just
/// made if any.
async fn show_page(
    admin: &Admin<'_>,
    form: &FormData,
    shown: Shown,
    made: Option<Made>,
) -> AppResult<Response> {
    let db = &admin.state.db;
    let (scope, now) = (admin.managing()?, admin.now());
    let listed = tokens::list(db, &scope).await?;
    let makers = accounts::users_by_id(db, listed.iter().filter_map(|t| t.created_by)).await?;
    let rows: Vec<TokenRow> = listed
        .into_iter()
        .map(|token| TokenRow {
            state: tokens::state(&token, now),
            id: token.id,
            scopes: token.scopes.split_whitespace().map(str::to_owned).collect(),
            created_by: token
                .created_by
                .and_then(|id| makers.get(&id))
                .map(accounts::display_name),
            created_at: super::paris_time(token.created_at),
            expires_at: token.expires_at.format("%d/%m/%Y").to_string(),
            last_used_at: token.last_used_at.map(super::paris_time),
            prefix: token.prefix,
            name: token.name,
        })
        .collect();
    // Message names take no colon: `offers:write` is labelled by `admin-token-scope-offers-write`.
    let grants: Vec<Choice> = Grant::ALL
        .iter()
        .map(|grant| Choice {
            code: grant.code().to_owned(),
            label: admin.t(&format!(
                "admin-token-scope-{}",
                grant.code().replace(':', "-")
            )),
        })
        .collect();
    let data = context! {
        tokens => rows,
        made => made,
        form => form_view(form, &["scopes"], shown.errors()),
        grants => grants,
    };
    let title = admin.t("admin-tokens-title");
    let mut response =
        admin.render_form(shown.errors(), "admin/tokens.html", title, "tokens", data)?;
    // The secret of a token just made is on this page: no cache keeps it.
    response.headers_mut().insert(
        poem::http::header::CACHE_CONTROL,
        poem::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

#[handler]
pub async fn page(admin: Admin<'_>) -> AppResult<Response> {
    let mut form = FormData::default();
    form.set("scopes", Grant::OffersWrite.code());
    form.set("valid_days", DEFAULT_VALID_DAYS);
    show_page(&admin, &form, Shown::Fresh, None).await
}

/// The token the form asks for.
fn new_token(form: &FormData) -> AppResult<NewToken> {
    let mut grants = Vec::new();
    for code in form.all("scopes") {
        grants.push(
            Grant::parse(code).ok_or_else(|| AppError::invalid("scopes", Reason::UnknownCode))?,
        );
    }
    let valid_days = match form.text("valid_days").trim() {
        "" => DEFAULT_VALID_DAYS,
        days => days
            .parse()
            .map_err(|_| AppError::invalid("valid_days", Reason::NotANumber))?,
    };
    Ok(NewToken {
        name: form.text("name"),
        grants,
        valid_days,
    })
}

#[handler]
pub async fn create(admin: Admin<'_>, posted: Form<Pairs>) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let scope = admin.managing()?;
    let made = async {
        let (new, now) = (new_token(&form)?, admin.now());
        let (token, secret) =
            committed!(admin, |txn| tokens::create(&txn, &scope, new, now).await?);
        Ok(Made {
            name: token.name,
            secret,
        })
    };
    match refused(&admin, made.await)? {
        Ok(made) => {
            let mut fresh = FormData::default();
            fresh.set("scopes", Grant::OffersWrite.code());
            fresh.set("valid_days", DEFAULT_VALID_DAYS);
            show_page(&admin, &fresh, Shown::Fresh, Some(made)).await
        }
        Err(errors) => show_page(&admin, &form, Shown::Refused(errors), None).await,
    }
}

#[handler]
pub async fn revoke(
    admin: Admin<'_>,
    Path(id): Path<i32>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (scope, now) = (admin.managing()?, admin.now());
    committed!(admin, |txn| tokens::revoke(&txn, &scope, id, now).await?);
    // Nothing the portal shows changed: no cache to empty.
    Ok(admin.confirm("/admin/jetons", "token-revoked"))
}
