//! `/admin/membres`: the current ministry's members and invitations (its managers).

use minijinja::context;
use poem::{
    Response, handler,
    web::{Form, Path},
};
use serde::Serialize;

use super::{
    Admin, Pairs,
    forms::{FormData, Shown, form_view, refused},
    offers::choices,
};
use crate::{
    accounts::{self, Role, invitations, members},
    error::{AppError, AppResult, Reason},
    ids::{InvitationId, UserId},
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
async fn show_page(admin: &Admin<'_>, form: &FormData, shown: Shown) -> AppResult<Response> {
    let db = &admin.state.db;
    let (scope, now) = (admin.managing()?, admin.now());
    let members: Vec<MemberRow> = members::list(db, &scope)
        .await?
        .into_iter()
        .map(|member| MemberRow {
            user_id: member.user.id,
            name: accounts::display_name(&member.user),
            is_me: member.user.id == admin.actor.user.id,
            last_login: member.user.last_login_at.map(super::paris_time),
            email: member.user.email,
            role: member.role.as_str(),
        })
        .collect();
    let pending = invitations::pending_in(db, &scope, now).await?;
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
        form => form_view(form, &[], shown.errors()),
        roles => choices(admin, "admin-role-", vec!["editor", "manager"]),
    };
    let title = admin.t("admin-members-title");
    admin.render_form(shown.errors(), "admin/members.html", title, "members", data)
}

#[handler]
pub async fn page(admin: Admin<'_>) -> AppResult<Response> {
    let mut form = FormData::default();
    form.set("role", Role::Editor.as_str());
    show_page(&admin, &form, Shown::Fresh).await
}

fn role(form: &FormData) -> AppResult<Role> {
    Role::parse(&form.text("role")).ok_or_else(|| AppError::invalid("role", Reason::UnknownCode))
}

#[handler]
pub async fn invite(admin: Admin<'_>, posted: Form<Pairs>) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let scope = admin.managing()?;
    let invited = async {
        let (role, email, now) = (role(&form)?, form.text("email"), admin.now());
        let (actor, letterhead) = (&admin.actor, admin.state.letterhead());
        committed!(admin, |txn| {
            let invitation = invitations::invite(&txn, &scope, &email, role, now).await?;
            invitations::email(&txn, &letterhead, &invitation, actor, now).await?
        });
        Ok(())
    };
    match refused(&admin, invited.await)? {
        Ok(()) => Ok(admin.redirect("/admin/membres", "invited")),
        Err(errors) => show_page(&admin, &form, Shown::Refused(errors)).await,
    }
}

/// `renvoyer` (resend) or `revoquer` (revoke) a pending invitation.
#[handler]
pub async fn invitation_action(
    admin: Admin<'_>,
    Path((id, action)): Path<(InvitationId, String)>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let (actor, scope, now) = (&admin.actor, admin.managing()?, admin.now());
    let notice = committed!(admin, |txn| match action.as_str() {
        "renvoyer" => {
            let invitation = invitations::resend(&txn, &scope, id, now).await?;
            let letterhead = admin.state.letterhead();
            invitations::email(&txn, &letterhead, &invitation, actor, now).await?;
            Ok("resent")
        }
        "revoquer" => invitations::revoke(&txn, &scope, id, now)
            .await
            .map(|_| "revoked"),
        _ => Err(AppError::NotFound),
    }?);
    Ok(admin.redirect("/admin/membres", notice))
}

/// Gives a member another `role`, or removes them (`retirer`).
#[handler]
pub async fn member_action(
    admin: Admin<'_>,
    Path((user_id, action)): Path<(UserId, String)>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    let form = admin.posted(posted)?;
    let (scope, now) = (admin.managing()?, admin.now());
    let notice = committed!(admin, |txn| match action.as_str() {
        "role" => {
            let role = role(&form)?;
            let changed = members::change_role(&txn, &scope, user_id, role, now).await;
            changed.map(|_| "role-changed")
        }
        "retirer" => members::remove(&txn, &scope, user_id, now)
            .await
            .map(|_| "removed"),
        _ => Err(AppError::NotFound),
    }?);
    Ok(admin.redirect("/admin/membres", notice))
}
