## Back-office: login and dashboard

login-title = Recruiters' area
login-description = Login for the ministries' staff who publish job offers and stories.
login-lead = Ministry staff log in here to publish their job offers and their teams' stories.
login-proconnect-heading = Public servants
login-proconnect-with = Sign in with
login-demo-heading = Demo accounts
login-demo-lead = This demo site offers fictitious accounts to discover the recruiters' area.
login-demo-as = Sign in: { $label }
login-demo-admin = DINUM administrator
login-demo-manager = { $ministry } manager
login-demo-editor = { $ministry } editor
login-no-access-heading = No access yet?
login-no-access-text = Access is by invitation from a manager of your ministry or from DINUM. Write to contact@metiers.numerique.gouv.fr.
admin-dashboard-title = Dashboard
admin-welcome = Hello { $name }.
admin-signed-in-as = Signed in as { $email }.
admin-my-ministries = My ministries
admin-ministry = Ministry
admin-role = Role
admin-role-admin = DINUM administrator
admin-role-manager = manager
admin-role-editor = editor
admin-no-ministry = You are not a member of any ministry yet.
logout = Sign out
login-proconnect-what = What is ProConnect?
login-proconnect-off = Signing in with ProConnect is not configured on this site.
login-failed-title = Sign-in failed
login-failed-retry = Try again
login-failed-cancelled = You cancelled the ProConnect sign-in. You can try again whenever you like.
login-failed-state = This sign-in attempt has expired or was already used. Start again from the sign-in page.
login-failed-provider-down = ProConnect is not answering right now. Try again in a few minutes.
login-failed-refused = ProConnect's answer could not be verified. Sign in again; if it keeps failing, write to contact@metiers.numerique.gouv.fr.
login-failed-no-access = Your account has no access to the recruiters' area yet. Access is by invitation from a manager of your ministry or from DINUM: write to contact@metiers.numerique.gouv.fr.
login-failed-logout-state = Sign-out could not be confirmed by ProConnect. Your session on this site is closed.
admin-journal-title = Audit log
admin-journal-lead = Who changed what, and when: the latest 200 operations, with the state before and after.
admin-journal-when = Date
admin-journal-who = By
admin-journal-what = Action
admin-journal-on = On
admin-journal-change = Before / after
admin-journal-before = Before:
admin-journal-after = After:
admin-journal-system = command line or job
admin-journal-empty = The audit log is empty.

## Back-office: layout, lists and forms
## Key families built in the templates: admin-nav-*, admin-notice-*, admin-status-*, admin-role-*.

admin-menu = Recruiters' area menu
admin-nav-dashboard = Dashboard
admin-nav-offers = Offers
admin-nav-stories = Stories
admin-nav-ministry = Ministry
admin-nav-members = Members
admin-nav-ministries = Ministries
admin-nav-journal = Audit log
admin-switch-label = Ministry to work on
admin-list-everywhere = Every ministry. Open an item to work in its ministry.
admin-open-in-ministry = Open
admin-switch-none = No ministry chosen
admin-switch-submit = Switch ministry
admin-current-ministry = Current ministry: { $name }

admin-notice-saved = Your changes have been saved.
admin-notice-created = Created successfully.
admin-notice-duplicated = The copy has been created.
admin-notice-archived = Archived: it no longer shows on the site.
admin-notice-invited = The invitation has been sent.
admin-notice-resent = The invitation has been sent again.
admin-notice-revoked = The invitation has been revoked.
admin-notice-removed = The person has been removed from the ministry.
admin-notice-role-changed = The role has been changed.
admin-notice-switched = You are now working on another ministry.

admin-status = Status
admin-status-draft = Draft
admin-status-pending_review = Awaiting review
admin-status-changes_requested = Changes requested
admin-status-published = Published
admin-status-rejected = Rejected
admin-status-filled = Position filled
admin-status-expired = Expired
admin-status-archived = Archived

admin-waiting = To do
admin-counts-caption = The ministry's offers and stories, by status

admin-required = (required)
admin-form-has-errors = The form contains errors
admin-markdown-hint = Markdown formatting: **bold**, *italics*, lists with lines starting with "- ", links written as [text](https://example.org).
admin-select-choose = Select an option
admin-select-none = Not specified
admin-save = Save
admin-preview = Preview
admin-preview-heading = Preview
admin-other-actions = Other actions
admin-duplicate = Duplicate
admin-archive = Archive
admin-archived = Archived
admin-trusted = Trusted
admin-actions = Actions
admin-view-online = View online
admin-public-page = Public page
admin-updated-at = Last updated
admin-expires-at = Closing date
admin-filter-status = Status
admin-filter-all-statuses = All statuses
admin-search = Search
admin-filter-submit = Filter

admin-legend-job = Position
admin-legend-place = Location
admin-legend-apply = Applications
admin-legend-description = Description
admin-legend-person = Person
admin-legend-story = Story
admin-legend-identity = Identity
admin-legend-appearance = Website and appearance
admin-legend-access = Staff access

admin-field-title = Job title
admin-field-slug = Page address (slug)
admin-hint-slug-offer = Leave empty to derive it from the job title. Lowercase letters, digits and hyphens.
admin-hint-slug-story = Leave empty to derive it from the person's name. Lowercase letters, digits and hyphens.
admin-hint-slug-ministry = Lowercase letters, digits and hyphens, for example "culture". It cannot be changed after creation.
admin-field-structure = Department or body
admin-field-contract-types = Contract types
admin-field-category = Civil service category
admin-field-profession = Profession
admin-field-experience = Minimum experience required
admin-hint-experience = In years; 0 if the position is open to beginners.
admin-field-remote = Remote work
admin-field-salary-min = Minimum salary
admin-field-salary-max = Maximum salary
admin-hint-salary = In euros per year, gross, for example 45000.
admin-field-start-on = Start date
admin-field-domains = Domains
admin-hint-domains = Keywords separated by commas, for example: AI, open data.
admin-field-street = Street address
admin-field-postal-code = Postcode
admin-field-city = City
admin-field-expires-at = Application deadline
admin-hint-expires-at = The offer is no longer published after this date.
admin-field-apply-mode = How to apply
admin-field-apply-url = Application website address
admin-hint-apply-url = If candidates apply on an external website, for example https://www.example.org/apply
admin-field-apply-emails = Application email addresses
admin-hint-apply-emails = One address per line, if candidates apply by email.
admin-field-contact-name = Contact person's name
admin-field-contact-email = Contact person's email address
admin-hint-email = Expected format: name@domain.org
admin-field-video-url = Video address
admin-hint-video-url = Link to a presentation video, for example https://www.example.org/video
admin-field-person-name = First and last name
admin-field-role = Position held
admin-hint-role = For example: back-end developer.
admin-field-excerpt = Teaser
admin-hint-excerpt = One or two sentences, shown in story lists.
admin-field-body = Story
admin-field-name = Name
admin-field-acronym = Acronym
admin-field-short-name = Short French name, with its article
admin-hint-short-name = As a French sentence uses it: “la DGFiP”, “l’ANSSI”, “le ministère de l’Intérieur”, so that French pages read “Offres de la DGFiP”. Empty: derived from the name.
admin-field-trusted = Trusted ministry
admin-hint-trusted = Its offers and stories are published without review by DINUM.
admin-field-website = Website
admin-hint-url = Full address, for example https://www.example.gouv.fr
admin-field-accent-color = Accent colour
admin-hint-accent-color = Hexadecimal colour code, for example #000091.
admin-field-theme = Theme of the ministry's page
admin-field-sirets = SIRET numbers
admin-hint-sirets = One SIRET number (14 digits) per line. Staff whose SIRET is in this list may ask to join the ministry.
admin-field-presentation = Presentation
admin-field-email = Email address
admin-hint-invite-email = Expected format: name@domain.gouv.fr. It is the address the person will use to sign in with ProConnect.

## Application modes (for the option lists filled on the Rust side)

admin-apply-mode-on_site = On this site (application form)
admin-apply-mode-external = On an external website
admin-apply-mode-email = By email

## Offers and stories

admin-offers-title = Job offers
admin-offer-new = New offer
admin-offer-edit = Edit the offer
admin-offers-count =
    { $count ->
        [0] No offer
        [one] 1 offer
       *[other] { $count } offers
    }
admin-offers-empty = No offer to show.
admin-stories-title = Stories
admin-story-new = New story
admin-story-edit = Edit the story
admin-stories-count =
    { $count ->
        [0] No story
        [one] 1 story
       *[other] { $count } stories
    }
admin-stories-empty = No story to show.

## Ministries

admin-ministries-title = Ministries
admin-ministry-new = New ministry
admin-ministry-settings = Ministry settings
admin-ministry-archive = Archive the ministry
admin-ministry-members = Members
admin-ministry-offers = Offers
admin-ministries-count =
    { $count ->
        [0] No ministry
        [one] 1 ministry
       *[other] { $count } ministries
    }
admin-ministries-empty = No ministry yet.

## Members and invitations

admin-members-title = Ministry members
admin-members-caption = People with access to the ministry
admin-members-empty = No member yet.
admin-member-name = Name
admin-member-last-login = Last sign-in
admin-member-never = never
admin-member-you = (you)
admin-member-role-of = { $name }'s role
admin-member-change-role = Change role
admin-member-remove = Remove
admin-invitations-title = Pending invitations
admin-invitations-empty = No pending invitation.
admin-invitation-by = Sent by
admin-invitation-expires = Expires on
admin-invitation-resend = Resend
admin-invitation-revoke = Revoke
admin-invite-title = Invite someone
admin-invite-submit = Send the invitation

## Back-office: what a refused field needs

form-error-generic = This value is not accepted: please check it.

## Back-office: why a field is refused (error::Reason), one message a reason
form-error-required = Fill in this field.
form-error-too_long = This text is longer than accepted: please shorten it.
form-error-too_many = There are too many values: keep fewer.
form-error-too_deep = This text nests too many lists or quotes: please simplify its layout.
form-error-not_http_url = Enter a complete web address, starting with https:// or http://.
form-error-not_an_email = Enter a valid email address, such as firstname.lastname@ministry.gouv.fr.
form-error-not_a_number = Enter a whole number, without spaces or decimals.
form-error-not_a_date = Enter a date as DD/MM/YYYY.
form-error-not_a_postal_code = Enter a 5-digit French postal code.
form-error-not_a_slug = Use lower-case letters without accents, digits and dashes.
form-error-not_a_reference = Use at most 100 letters without accents, digits, dots, underscores and dashes.
form-error-not_a_colour = Enter a colour like #000091.
form-error-no_article = Start with the French article: “la DGFiP”, “l’ANSSI”, “le ministère de l’Intérieur”.
form-error-not_a_siret = Enter valid 14-digit SIRET numbers, one per line.
form-error-unknown_code = Choose a value from the list.
form-error-out_of_range = This value is outside the accepted range: please check it.
form-error-below_minimum = This value is lower than the minimum given: check both.
form-error-already_used = This value is already used: choose another one.
form-error-already_member = This person is already a member of this ministry.
form-error-already_invited = This person is already invited: resend the invitation from the list instead.
form-error-not_of_this_ministry = Choose an item of this ministry.
form-error-changed_meanwhile = Someone reviewed or changed this item meanwhile: reload the page.
form-error-archived = This item is archived: it can no longer change.
form-error-wrong_status = This item’s status does not allow this: reload the page.
form-error-own_membership = You cannot change your own role or remove yourself.
form-error-in_use = This is still in use: remove it from where it shows first.
form-error-empty = This file is empty: choose another one.
form-error-too_large = This file is larger than the limit shown.
form-error-not_an_image = This file is not a JPEG, PNG or WebP image.
form-error-too_many_pixels = This image has too many pixels: make it smaller.
form-error-unreadable = This content is damaged or unreadable.
form-error-duplicate = This already exists: choose the one there is.
form-error-not_a_phone = Enter a phone number, for example +33 6 12 34 56 78.
form-error-not_a_pdf = This file is not a PDF (its content was checked, not just its name).
form-error-in_the_past = Choose a date to come: this one has already passed.
form-error-consent-required = Tick the box to agree that your details are processed and kept for the period stated.
form-error-storage_down = The storage does not answer: nothing was saved, try again in a few minutes.

## Back-office: what a field needs, more precisely than its reason says (form-error-FIELD-REASON)
form-error-title-required = Enter a title of at most 200 characters.
form-error-title-too_long = Enter a title of at most 200 characters.
form-error-slug-already_used = This address is already taken: choose another one.
form-error-structure_id-not_of_this_ministry = Choose a directorate or service of this ministry.
form-error-contract_types-required = Tick at least one contract type.
form-error-profession-required = Choose a profession.
form-error-email-too_many = This address already has 5 alerts: unsubscribe from one from one of our emails before creating another.
form-error-professions-required = Tick at least one profession.
form-error-seniority-required = Choose your level of experience.
form-error-message-too_many = Your ministry already wrote to this person in the last 7 days: wait for their answer.
form-error-experience_min_years-out_of_range = Enter a number of years between 0 and 40.
form-error-remote_policy-required = Choose a remote-work policy.
form-error-salary_min-not_a_number = Enter an amount in euros, without spaces or decimals.
form-error-salary_min-out_of_range = Enter a yearly amount in euros, between 0 and 1,000,000.
form-error-salary_max-not_a_number = Enter an amount in euros, without spaces or decimals.
form-error-salary_max-out_of_range = Enter a yearly amount in euros, between 0 and 1,000,000.
form-error-salary_max-below_minimum = Enter an amount in euros, at least the minimum salary.
form-error-city-required = Enter the city.
form-error-apply_mode-required = Choose how candidates apply.
form-error-apply_url-required = Enter the address of the application site, starting with https://.
form-error-apply_emails-required = Enter at least one email address to receive applications.
form-error-person_name-required = Enter the person’s name.
form-error-role-required = Enter the role.
form-error-excerpt-required = Write a standfirst of at most 300 characters.
form-error-excerpt-too_long = Write a standfirst of at most 300 characters.
form-error-body-required = Write the story.
form-error-name-required = Enter a name of at most 200 characters.
form-error-name-too_long = Enter a name of at most 200 characters.
form-error-acronym-required = Enter an acronym of at most 20 characters.
form-error-acronym-too_long = Enter an acronym of at most 20 characters.
form-error-decision-unknown_code = Choose a decision.
form-error-comment-required = Write a comment: what to change, or why it is refused.
form-error-alt-required = Describe the image in at most 250 characters.
form-error-alt-too_long = Describe the image in at most 250 characters.
form-error-file-empty = Choose a file: this one is empty.
form-error-file-too_large = The file is larger than the limit shown.
form-error-file-not_an_image = This file is not a JPEG, PNG or WebP image (its content was checked, not just its name).
form-error-file-too_many_pixels = This image has too many pixels: make it smaller before sending it.
form-error-file-unreadable = This image is damaged or unreadable.
form-error-file-duplicate = This picture is already in the media library: choose it there rather than replacing another image with it.
form-error-file-storage_down = The image storage does not answer: nothing was saved, try again in a few minutes.
form-error-media-in_use = This image still shows on the site: remove it from where it shows first.
admin-locked-archived = This item is archived: it can no longer change. Duplicate it to start a new draft.

## Login links by email

login-link-heading = Without ProConnect
login-link-lead = Get a login link by email, valid once for 15 minutes.
login-link-email = Work email address
login-link-email-hint = Expected format: firstname.lastname@ministry.gouv.fr
login-link-submit = Get a login link
login-link-title = Login link
login-link-sent = If this address has access to the recruiters’ area, a login link has just been sent to it. It works once, for 15 minutes.
login-link-use-lead = This link logs you in to the recruiters’ area. It works only once.
login-link-use = Log in
login-failed-link = This login link has already been used, has expired or does not exist. Ask for a new one from the login page.
login-failed-link-email = This email address is not valid. Check it and try again.

## Back-office: the email outbox

admin-nav-emails = Emails
admin-emails-title = Emails sent
admin-emails-lead = The last 200 emails: those that left, those that wait, and why a sending failed. A failed email is tried again later and later, up to once an hour.
admin-emails-failing = { $count ->
    [one] One email waits after a failed sending.
   *[other] { $count } emails wait after a failed sending.
}
admin-emails-created = Written on
admin-emails-recipient = Recipient
admin-emails-subject = Subject
admin-emails-state = State
admin-emails-sent = Sent on { $at }
admin-emails-retry = Failed ({ $attempts ->
        [one] 1 attempt
       *[other] { $attempts } attempts
    }), next attempt on { $at }
admin-emails-waiting = Waiting to be sent
admin-emails-empty = No email yet.

## Back-office: moderation

admin-nav-moderation = Moderation
admin-moderation-title = Moderation queue
admin-moderation-lead = The offers and stories waiting for review, oldest first.
admin-moderation-all-ministries = All ministries
admin-moderation-kind = Type
admin-moderation-all-kinds = Offers and stories
admin-moderation-kind-offer = Offer
admin-moderation-kind-story = Story
admin-moderation-item = Item
admin-moderation-since = Waiting since
admin-moderation-count = { $count ->
    [one] 1 item waiting
   *[other] { $count } items waiting
}
admin-moderation-empty = Nothing waits for review.
admin-review-title = Review
admin-review-decision = Decision
admin-review-approve = Publish
admin-review-changes = Ask for changes
admin-review-reject = Refuse
admin-review-comment-label = Comment for the author
admin-review-comment-hint = Required to ask for changes or refuse: say what to change, or why.
admin-review-submit = Record the decision
admin-review-comment = Review comment
admin-submit-for-review = Submit for review
admin-notice-submitted = Sent: the item waits for review (it is published at once if your ministry is trusted).
admin-notice-reviewed = The decision is recorded and the author is told by email.
admin-notice-already-reviewed = Someone reviewed this item just before you: their decision stands.
admin-published-edit-warning = This item is online: your changes will be reviewed before they replace the published version, which stays online meanwhile.
admin-live-preview = Preview: { $field }
admin-review-changes-heading = Changes since the published version
admin-review-published-heading = What will be published
admin-review-value = Value
admin-review-empty = (empty)
admin-review-first-publication = First publication: this item has never been online.
admin-review-no-change = No change since the published version.
admin-review-field = Field
admin-review-before = Published version
admin-review-after = Proposed version
admin-history = Saved versions
admin-history-number = No.
admin-history-at = Date
admin-history-author = By

admin-notice-proposed = Your changes are saved and sent for review.
admin-notice-restored = The chosen version was restored: it is the new working version.
admin-notice-restored-without-image = The chosen version was restored without its image, deleted from the media library since: choose another one if needed.
admin-proposal-pending_review = Changes are waiting for review. The published version stays online; the form shows the proposed version.
admin-proposal-changes_requested = Changes are requested on the proposed version. The published version stays online; the form shows the proposed version.
admin-proposal-rejected = The proposed version was refused.
admin-history-actions = Actions
admin-history-restore = Restore
admin-field-publish-at = Publish from
admin-hint-publish-at = Optional. Once approved, the item shows on the site only from this day.
admin-review-portal-preview = See the page as it will be published
admin-mark-filled = Mark the position as filled
admin-notice-filled = The offer is marked filled: its page stays online with a banner, and it leaves the listings.
admin-nav-media = Media library
admin-media-title = Media library
admin-media-lead = The ministry’s images: logo, story photos. Every image is checked, stripped of its metadata (EXIF, GPS) and stored at the sizes the site needs.
admin-media-upload = Add an image
admin-media-upload-button = Add the image
admin-media-library = The ministry’s images
admin-media-empty = No image yet.
admin-media-uses = { $count ->
    [0] Not used anywhere
    [one] Used once
   *[other] Used { $count } times
}
admin-media-item-title = Image
admin-media-back = Back to the media library
admin-media-used-by = Where it shows
admin-media-unused = It shows nowhere: you may delete it.
admin-media-used-as-logo = Ministry logo
admin-media-used-as-photo = Story photo
admin-media-describe = Save the text alternative
admin-media-replace-title = Replace the image
admin-media-replace = Replace it wherever it shows
admin-media-delete = Delete the image
admin-field-alt = Text alternative
admin-hint-alt = What the image shows, for people who cannot see it (at most 250 characters).
admin-field-file = File
admin-hint-file = A JPEG, PNG or WebP image, { $max } MB at most.
admin-notice-uploaded = The image was added.
admin-notice-described = The text alternative was saved.
admin-notice-replaced = The image was replaced wherever it shows.
admin-notice-deleted = The image was deleted.
admin-field-photo = Photo
admin-hint-photo = Choose an image from the media library.
admin-field-logo = Logo
admin-hint-logo = Choose an image from the media library, preferably on a transparent background.
admin-no-image = No image
admin-field-illustration = Illustration
admin-hint-illustration = Optional. An image from the media library, shown at the top of the offer.
admin-media-used-as-illustration = Offer illustration
admin-nav-jobs = Scheduled jobs
admin-jobs-title = Scheduled jobs
admin-jobs-lead = What the site does by itself, at set times (Paris time), and what came of it. When several instances share the database, each run happens once.
admin-jobs-elsewhere = This instance does not run the jobs: a “metiers worker” process does.
admin-jobs-list = The jobs
admin-jobs-job = Job
admin-jobs-schedule = Schedule (s min h day month weekday)
admin-jobs-run-now = Run now
admin-jobs-runs = Latest runs
admin-jobs-failures = { $count ->
    [one] One run failed.
   *[other] { $count } runs failed.
}
admin-jobs-started = Started
admin-jobs-trigger = Trigger
admin-jobs-seconds = Duration (s)
admin-jobs-rows = Rows
admin-jobs-outcome = Outcome
admin-jobs-failed = Failed
admin-jobs-ok = Done
admin-jobs-running = Running
admin-jobs-empty = No run yet.
admin-jobs-trigger-schedule = Scheduled
admin-jobs-trigger-manual = From the back-office
admin-jobs-trigger-command = Command line
admin-jobs-about-expire_offers = Offers past their deadline become expired.
admin-jobs-about-expiry_reminders = Authors and managers are reminded 7 days and 1 day before an offer expires; talents a month before their profile lapses.
admin-jobs-about-publish_scheduled = Approved items whose publication day came show at once.
admin-jobs-about-purge_personal_data = Personal data past its retention period is deleted.
admin-jobs-about-outbox = Waiting emails are sent.
admin-jobs-about-send_alerts = Confirmed alerts receive the new offers matching their search.
admin-notice-job-done = The job ran.
admin-notice-job-failed = The job failed: the error is in the list of runs.
admin-notice-job-busy = The job was just started elsewhere: nothing was done again.

## Applications (back-office)
admin-nav-applications = Applications
admin-applications-title = Applications
admin-applications-lead = The applications received on the site for your ministry's offers. Their personal data serves recruitment only.
admin-applications-count = { $count ->
    [one] One application
   *[other] { $count } applications
}
admin-applications-more = Only the { $limit } most recent applications are listed: filter by status, or export those of an offer as CSV from its page.
admin-applications-empty = No application yet.
admin-application-candidate = Candidate
admin-application-offer = Offer
admin-application-received = Received on
admin-application-title = Application
admin-application-see-offer = See the offer
admin-application-cv = Download the CV (PDF, { $kb } kB)
admin-application-decide = Move the application on
admin-application-new-status = New status
admin-application-reason = Reason (if not retained)
admin-application-reason-none = Choose a reason
admin-application-reason-hint = The reason is emailed to the candidate.
admin-application-status-received = Received
admin-application-status-in_review = Under review
admin-application-status-interview = Interview
admin-application-status-hired = Hired
admin-application-status-not_retained = Not retained
admin-application-reason-profile_mismatch = Profile does not match the position
admin-application-reason-experience = Not enough experience for the position
admin-application-reason-other_candidate = Another application chosen
admin-application-reason-position_closed = Position filled or closed
admin-application-reason-eligibility = Statutory conditions not met
admin-application-reason-other = Other reason
form-error-reason-required = Choose the reason, which is emailed to the candidate.
admin-application-notes = Private notes
admin-application-notes-label = The team's notes
admin-application-notes-hint = Seen only by the ministry's members; never sent to the candidate. At most 5,000 characters.
admin-application-notes-save = Save the notes
admin-applications-export = Export the applications to this offer (CSV)
admin-applications-csv-received = Received on
admin-applications-csv-first-name = First name
admin-applications-csv-last-name = Last name
admin-applications-csv-email = Email
admin-applications-csv-phone = Phone
admin-applications-csv-links = Links
admin-applications-csv-status = Status
admin-applications-csv-reason = Reason
admin-offer-applications = { $count ->
    [one] One application received on the site
   *[other] { $count } applications received on the site
}

## Back-office: the talent pool (/admin/vivier)
admin-nav-talents = Talent pool
admin-notice-talent-contacted = Your message was sent. The person will answer you directly, if they wish.
admin-talents-title = Talent pool
admin-talents-lead = The profiles candidates left for the State's positions, except those who chose not to be seen by your ministry. Their address is given only if they answer.
admin-talents-matching = Talents matching the offer “{ $title }”: same profession, same region (or any), enough experience, available in time.
admin-talents-see-offer = Back to the offer
admin-talents-search = Search
admin-talents-words = Keywords
admin-talents-words-hint = Searched in names, presentations and links.
admin-talents-profession = Profession
admin-talents-region = Region
admin-talents-seniority = Experience
admin-talents-available-by = Available by
admin-talents-any = All
admin-talents-count = { $count ->
    [0] No talent
    [one] One talent
   *[other] { $count } talents
}
admin-talents-limit = Only the { $limit } most recently updated profiles are listed: narrow the search.
admin-talents-empty = No profile matches yet.
admin-talents-name = Name
admin-talents-professions = Professions
admin-talents-available = Availability
admin-talents-now = Now
admin-talent-title = Talent profile
admin-talent-summary = About
admin-talent-links = Links
admin-talent-cv = Download the CV (PDF, { $kb } kB)
admin-talent-no-cv = No CV left.
admin-talent-contact = Write to this person
admin-talent-contact-hint = Your message leaves by email from the site; the person answers you directly, and that is when they give you their address. One message a week at most from your ministry.
admin-talent-message = Message
admin-talent-message-hint = At most { $max } characters.
admin-talent-offer = Offer concerned (optional)
admin-talent-offer-none = None
admin-talent-send = Send the message
admin-offer-apply-clicks = { $count ->
    [one] The "Apply" button led once to the application site or address.
   *[other] The "Apply" button led { $count } times to the application site or address.
}
admin-offer-matching-talents = { $count ->
    [0] No talent of the pool matches this offer yet
    [one] One talent of the pool matches this offer
   *[other] { $count } talents of the pool match this offer
}

## Statistics (/admin/statistiques)
admin-nav-statistics = Statistics
admin-notice-goals-saved = The goals are saved.
stats-admin-title = Statistics { $year }: all ministries
stats-admin-title-ministry = Statistics { $year }: { $name }
stats-admin-lead = This year’s goals and the figures that measure them, computed from facts: applications, recruitments, sign-ups and page views counted without tracking.
stats-national = All ministries
stats-pick-year = Year
stats-pick-ministry = Scope
stats-pick-submit = Show
stats-empty = No figures for this year and scope.
stats-summary-heading = Conversion and delays
stats-summary-note = Delays count the days since the offer was first published. An offer “with no application” got neither an application on the site nor a click on “Apply”.
stats-no-offers = No offer was seen this year.
stats-monthly-table-heading = Every figure, month by month
stats-export-heading = Download these figures
stats-export-lead = The same figures as this page, for a spreadsheet or another tool.
stats-export-csv = CSV (spreadsheet)
stats-export-xlsx = Excel (XLSX)
stats-export-json = JSON
stats-goals-form-heading = Goals { $year }
stats-goals-form-lead-national = National goals, set by DINUM. Leave a field empty to go back to the default goal.
stats-goals-form-lead-ministry = This ministry’s own goals. Leave a field empty to set none.
stats-goals-submit = Save the goals
stats-goals-hint = A whole number, from 0 to 1,000,000.

## The journal's actions (audit::ACTIONS)
admin-action-offer-create = Offer created
admin-action-offer-update = Offer edited
admin-action-offer-restore = Offer restored to an earlier version
admin-action-offer-submit = Offer submitted for review
admin-action-offer-publish-trusted = Offer published (trusted ministry)
admin-action-offer-approve = Offer approved
admin-action-offer-request-changes = Changes requested on an offer
admin-action-offer-reject = Offer rejected
admin-action-offer-propose = Change of a live offer proposed
admin-action-offer-duplicate = Offer duplicated
admin-action-offer-archive = Offer archived
admin-action-offer-fill = Offer marked filled
admin-action-story-create = Story created
admin-action-story-update = Story edited
admin-action-story-restore = Story restored to an earlier version
admin-action-story-submit = Story submitted for review
admin-action-story-publish-trusted = Story published (trusted ministry)
admin-action-story-approve = Story approved
admin-action-story-request-changes = Changes requested on a story
admin-action-story-reject = Story rejected
admin-action-story-propose = Change of a live story proposed
admin-action-story-duplicate = Story duplicated
admin-action-story-archive = Story archived
admin-action-media-upload = Image added
admin-action-media-describe = Image text alternative changed
admin-action-media-replace = Image replaced
admin-action-media-delete = Image deleted
admin-action-application-create = Application received
admin-action-application-update = Application completed by its author
admin-action-application-status = Application status changed
admin-action-application-notes = Application notes edited
admin-action-application-cv = Application CV downloaded
admin-action-application-export = Applications exported
admin-action-talent-contact = Talent contacted
admin-action-talent-cv = Talent CV downloaded
admin-action-goal-set = Goal set
admin-action-invitation-create = Invitation sent
admin-action-invitation-resend = Invitation sent again
admin-action-invitation-revoke = Invitation revoked
admin-action-api-token-create = API token created
admin-action-api-token-revoke = API token revoked
admin-action-invitation-accept = Invitation accepted
admin-action-membership-role = Member's role changed
admin-action-membership-remove = Member removed
admin-action-tenant-create = Ministry created
admin-action-tenant-update = Ministry edited
admin-action-tenant-archive = Ministry archived
admin-action-user-create = User created
admin-action-user-login = Sign-in
admin-schedule-every-minute = Every minute
admin-schedule-every-seconds = Every { $seconds } seconds
admin-schedule-hourly = Every hour, at minute { $minute }
admin-schedule-daily = Every day at { $time }
admin-schedule-cron = By the rule “{ $cron }” (seconds, minutes, hours, day, month, weekday)

## API tokens (`/admin/jetons`)
admin-nav-tokens = API tokens
admin-tokens-title = API tokens
admin-tokens-lead = A token lets the ministry's systems (HR software, the State's job portal) publish and update its offers, which go through the same review as those written here, and follow its applications.
admin-tokens-docs = Read the API's documentation
admin-tokens-caption = The ministry's tokens
admin-tokens-empty = No token yet.
admin-token-name = Name
admin-token-scopes = Rights
admin-token-state = State
admin-token-last-used = Last used
admin-token-never-used = Never used
admin-token-made-by = made on { $at } by { $by }
admin-token-state-valid = Valid until { $date }
admin-token-state-expired = Expired on { $date }
admin-token-state-revoked = Revoked
admin-token-revoke = Revoke
admin-token-new-title = Make a token
admin-token-valid-days = Valid for, in days
admin-hint-token-name = What it is for, e.g. "HR software" or "Place de l'emploi public".
admin-hint-token-valid-days = From 1 to 730 days.
admin-token-create = Make the token
admin-token-made = Token "{ $name }" made
admin-token-made-once = Copy it now and keep it safe: it will not be shown again. If it is lost, revoke it and make another.
admin-token-scope-offers-write = Publish and update offers (offers:write)
admin-token-scope-applications-read = Read applications (applications:read)
admin-token-scope-applications-write = Move applications on (applications:write)
admin-notice-token-revoked = The token was revoked: it no longer works.
form-error-scopes-required = Choose at least one right.
form-error-valid_days-out_of_range = Choose from 1 to 730 days.
