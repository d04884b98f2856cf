//! `/admin/membres`: the current ministry's members and invitations (its managers).

use std::collections::BTreeMap;

use minijinja::context;
use poem::{
    Response, handler,
    http::StatusCode,
    web::{Form, Path},
};
use sea_orm::TransactionTrait;
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, REFUSED, form_view, refused},
    offers::choices,
};
use crate::{
    accounts::{self, Role, invitations, members},
    error::{AppError, AppResult},
};

#[derive(Serialize)]
struct MemberRow {
    user_id: i32,
    name: String,
    email: String,
    role: &'static str,
    last_login: Option<String>,
    is_me: bool,
}

#[derive(Serialize)]
struct InvitationRow {
    id: i32,
    email: String,
    role: String,
    invited_by: Option<String>,
    expires_at: String,
}

/// The page, with the invitation form as typed (`form`) and its problems.
async fn show_page(
    admin: &Admin<'_>,
    form: &FormData,
    errors: &BTreeMap<String, String>,
) -> AppResult<Response> {
    let db = &admin.state.db;
    let tenant_id = admin.tenant_id()?;
    let now = admin.state.now();
    let members: Vec<MemberRow> = members::list(db, &admin.actor, tenant_id)
        .await?
        .into_iter()
        .map(|member| MemberRow {
            user_id: member.user.id,
            name: accounts::display_name(&member.user),
            is_me: member.user.id == admin.actor.user.id,
            last_login: member
                .user
                .last_login_at
                .map(|at| at.format("%d/%m/%Y %H:%M").to_string()),
            email: member.user.email,
            role: member.role.as_str(),
        })
        .collect();
    let pending = invitations::pending_in(db, &admin.actor, tenant_id, now).await?;
    let inviters = accounts::users_by_id(db, pending.iter().filter_map(|i| i.invited_by)).await?;
    let invitations: Vec<InvitationRow> = pending
        .into_iter()
        .map(|invitation| InvitationRow {
            id: invitation.id,
            invited_by: invitation
                .invited_by
                .and_then(|id| inviters.get(&id))
                .map(|user| user.email.clone()),
            expires_at: invitation.expires_at.format("%d/%m/%Y").to_string(),
            email: invitation.email,
            role: invitation.role,
        })
        .collect();
    let data = context! {
        members => members,
        invitations => invitations,
        form => form_view(form, &[], errors),
        roles => choices(admin, "admin-role-", vec!["editor", "manager"]),
    };
    let title = admin.t("admin-members-title");
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        REFUSED
    };
    admin.render_with_status(status, "admin/members.html", title, "members", data)
}

#[handler]
pub async fn page(admin: Admin<'_>) -> AppResult<Response> {
    let mut form = FormData::default();
    form.set("role", Role::Editor.as_str());
    show_page(&admin, &form, &BTreeMap::new()).await
}

fn role(form: &FormData) -> AppResult<Role> {
    Role::parse(&form.text("role")).ok_or_else(|| AppError::invalid("role", "manager or editor"))
}

#[handler]
pub async fn invite(admin: Admin<'_>, posted: Form<Pairs>) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let tenant_id = admin.tenant_id()?;
    let invited = async {
        let role = role(&form)?;
        let txn = admin.state.db.begin().await?;
        let now = admin.state.now();
        let email = form.text("email");
        invitations::invite(&txn, &admin.actor, tenant_id, &email, role, now).await?;
        txn.commit().await?;
        Ok(())
    };
    match refused(&admin, invited.await)? {
        Ok(()) => Ok(admin.redirect("/admin/membres", "invited")),
        Err(errors) => show_page(&admin, &form, &errors).await,
    }
}

#[handler]
pub async fn resend(
    admin: Admin<'_>,
    Path(id): Path<i32>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let tenant_id = admin.tenant_id()?;
    let txn = admin.state.db.begin().await?;
    invitations::resend(&txn, &admin.actor, tenant_id, id, admin.state.now()).await?;
    txn.commit().await?;
    Ok(admin.redirect("/admin/membres", "resent"))
}

#[handler]
pub async fn revoke(
    admin: Admin<'_>,
    Path(id): Path<i32>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let tenant_id = admin.tenant_id()?;
    let txn = admin.state.db.begin().await?;
    invitations::revoke(&txn, &admin.actor, tenant_id, id, admin.state.now()).await?;
    txn.commit().await?;
    Ok(admin.redirect("/admin/membres", "revoked"))
}

#[handler]
pub async fn change_role(
    admin: Admin<'_>,
    Path(user_id): Path<i32>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let tenant_id = admin.tenant_id()?;
    let role = role(&form)?;
    let txn = admin.state.db.begin().await?;
    let now = admin.state.now();
    members::change_role(&txn, &admin.actor, tenant_id, user_id, role, now).await?;
    txn.commit().await?;
    Ok(admin.redirect("/admin/membres", "role-changed"))
}

#[handler]
pub async fn remove(
    admin: Admin<'_>,
    Path(user_id): Path<i32>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let tenant_id = admin.tenant_id()?;
    let txn = admin.state.db.begin().await?;
    members::remove(&txn, &admin.actor, tenant_id, user_id, admin.state.now()).await?;
    txn.commit().await?;
    Ok(admin.redirect("/admin/membres", "removed"))
}
