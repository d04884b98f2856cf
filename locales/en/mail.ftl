## Emails: a subject and a body each; paragraphs are separated by a blank line.

mail-invitation-subject = Invitation to the Métiers du Numérique recruiters’ area: { $ministry }
mail-invitation-body =
    Hello,

    { $inviter } invites you to join the Métiers du Numérique recruiters’ area for { $ministry }, as { $role ->
        [manager] manager
       *[editor] editor
    }.

    To accept, log in with ProConnect, with this email address, before { $expires }:
    { $link }

    If you did not expect this invitation, ignore this message.

mail-login_link-subject = Your Métiers du Numérique login link
mail-login_link-body =
    Hello,

    Here is your link to log in to the Métiers du Numérique recruiters’ area. It works once, for 15 minutes:
    { $link }

    If you did not ask for this link, ignore this message: no one can log in without it.

mail-review-subject = { $decision ->
    [published] Published: { $title }
    [changes_requested] Changes requested: { $title }
   *[rejected] Refused: { $title }
}
mail-review-body =
    Hello,

    { $decision ->
        [published] “{ $title }” was reviewed and published on Métiers du Numérique.
        [changes_requested] “{ $title }” was reviewed: changes are requested before publication.
       *[rejected] “{ $title }” was reviewed and will not be published.
    }

    { $has_comment ->
        [yes] Review comment: { $comment }
       *[no] {""}
    }

    To find it:
    { $link }

mail-review_digest-subject = Content to review on Métiers du Numérique
mail-review_digest-body =
    Hello,

    Offers or stories are waiting for your review (waiting: { $count }):
    { $items }

    The review queue:
    { $link }

    You get at most one summary every 10 minutes.

mail-expiry_reminder-subject = An offer expires soon: { $title }
mail-expiry_reminder-body =
    Hello,

    The offer “{ $title }” expires on { $date } (in { $days } day(s)). It will then leave the site.

    To extend it, change its application deadline on its page:
    { $link }

    If the position is filled, you may also mark it as filled.

mail-application_received-subject = Your application: { $title }
mail-application_received-body =
    Hello,

    Your application to the offer "{ $title }" was sent to the recruiting team, who will get back to you at this address.

    The offer: { $link }

    Your data is kept for at most { $years } years. To see it or have it erased, see the Personal data page:
    { $privacy }

mail-application_unchanged-subject = Your application: { $title }
mail-application_unchanged-body =
    Hello,

    A new application to the offer "{ $title }" was just sent with your address. Your earlier application is already being reviewed by the recruiting team: it stays as it was, and the new one was not kept.

    To add to your application, answer the recruiting team when they contact you. If you did not send it, you may ignore this message.

    To see or erase your data:
    { $privacy }

mail-application_new-subject = New application: { $title }
mail-application_new-body =
    Hello,

    A new application arrived for the offer "{ $title }".

    Find it in the recruiters' area:
    { $link }

mail-application_hired-subject = Your application is successful: { $title }
mail-application_hired-body =
    Hello,

    Good news: your application to the offer "{ $title }" is successful. The recruiting team will contact you about what comes next.

    To see or erase your data:
    { $privacy }

mail-application_not_retained-subject = Your application: { $title }
mail-application_not_retained-body =
    Hello,

    Thank you for your interest in the offer "{ $title }". Your application was not retained: { $reason ->
        [profile_mismatch] your profile does not match what the position needs.
        [experience] the experience the position asks for is not met.
        [other_candidate] another application was chosen.
        [position_closed] the position was filled or closed in the meantime.
        [eligibility] the statutory conditions of the position are not met.
       *[other] the recruiting team made another choice.
    }

    Other offers are waiting for you on Métiers du Numérique.

    To see or erase your data:
    { $privacy }

mail-talent_confirm-subject = Confirm your address to join the talent pool
mail-talent_confirm-body =
    Hello,

    A profile was just left with this address in the talent pool of Métiers du Numérique. For recruiters to see it, confirm your address within 7 days:
    { $link }

    If you did not leave it, ignore this message: the profile will be erased.

mail-talent_exists-subject = Your profile in the talent pool
mail-talent_exists-body =
    Hello,

    A new profile was just left with your address, which already has one in the talent pool. Nothing changed: to change, extend or delete your profile, use this link:
    { $link }

mail-talent_renew-subject = Your profile leaves the talent pool on { $date }
mail-talent_renew-body =
    Hello,

    Your profile in the talent pool of Métiers du Numérique will be deleted on { $date }, with your CV. To keep it, extend it from its page; you may also change or delete it:
    { $link }

mail-talent_contact-subject = A recruiter of { $ministry } writes to you
mail-talent_contact-body =
    Hello,

    A recruiter of { $ministry } found your profile in the talent pool of Métiers du Numérique and writes to you:

    { $message }

    { $offer ->
        [none] No offer is named.
       *[other] The offer: { $offer }
    }

    To answer, simply reply to this email: they will then receive your address. To change or delete your profile, follow the link in our other emails, or see the Personal data page:
    { $privacy }

mail-alert_confirm-subject = Confirm your Métiers du Numérique alert
mail-alert_confirm-body =
    Hello,

    An alert was just created with this address for the search: { $search }.

    To receive the new offers, confirm your address within 7 days:
    { $link }

    If you did not ask for it, ignore this message: the alert will be erased.

mail-alert_digest-subject = { $count ->
    [one] One new offer for your search
   *[other] { $count } new offers for your search
}
mail-alert_digest-body =
    Hello,

    New offers for your search: { $search }

    { $items }

    To stop receiving this alert, unsubscribe in one click:
    { $unsubscribe }

mail-data_request-subject = { $kind ->
    [erase] Confirm the erasure of your data
   *[other] Confirm sending your data
}
mail-data_request-body =
    Hello,

    { $kind ->
        [erase] A request was just made to erase all that Métiers du Numérique keeps about this address (applications and CVs, talent profile, alerts, emails).
       *[other] A request was just made to send all that Métiers du Numérique keeps about this address. You will receive it as a JSON file attached to an email.
    }

    To confirm it, follow this link within 7 days:
    { $link }

    If you did not make it, ignore this message: nothing will be done.

mail-data_export-subject = Your data on Métiers du Numérique
mail-data_export-body =
    Hello,

    The attached file holds all that Métiers du Numérique keeps about your address: your applications (with the recruiters' notes), your talent pool profile, your alerts.

    CVs are not attached: their size is. To receive them, or to erase everything, see the site's Personal data page:
    { $privacy }
