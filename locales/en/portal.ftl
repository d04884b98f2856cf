### Métiers du Numérique — public portal, English.
###
### Keys the Rust code uses to fill `page.title` and `page.description`
### (the templates do not read them directly):
###   page-home-title, page-home-description
###   page-offers-title, page-offers-description, page-offers-title-paged ($page)
###   page-offer-title ($title, $ministry), page-offer-description ($title, $ministry, $location)
###   page-offer-gone-title ($title), page-offer-gone-description
###   page-ministries-title, page-ministries-description
###   page-ministry-title ($name), page-ministry-description ($name)
###   page-stories-title, page-stories-description
###   page-story-title ($name, $role), page-story-description ($name, $ministry)
###   page-accessibility-title, page-accessibility-description
###   page-legal-title, page-legal-description
###   page-privacy-title, page-privacy-description
###   page-sitemap-title, page-sitemap-description
###   page-error-description
### Error pages: `title_key` / `message_key` are error-{status}-title / error-{status}-message
### (400, 403, 404, 410, 429, 500, 503).
### Theme labels: theme-dsfr, theme-vitrine.

-brand = Métiers du Numérique

## Site

site-name = { -brand }
site-tagline = Digital jobs in the French State
og-locale = en_GB
og-locale-alternate = fr_FR
feed-title = Job offers — { -brand } (Atom)
new-window = new window
close = Close
number-group-separator = ,

## Page titles and descriptions (page.title / page.description, filled by the Rust code)

page-home-title = Home
page-home-description = Find your next digital job serving the public interest: offers from the French ministries, team stories and the State's digital professions.
page-offers-title = Job offers
page-offers-title-paged = Job offers — page { $page }
page-offers-description = All the French State's digital job offers: development, data, design, product, infrastructure, security… Filter by ministry, profession, contract, region and remote work.
page-offer-title = { $title } — { $ministry }
page-offer-description = { $ministry } is hiring: { $title }, { $location }. Missions, profile and how to apply on { -brand }.
page-offer-gone-title = Expired offer: { $title }
page-offer-gone-description = This job offer is no longer available. Find similar offers on { -brand }.
page-ministries-title = Ministries
page-ministries-description = The French ministries and State services hiring digital talent: presentation, projects, offers and stories.
page-ministry-title = { $name }
page-ministry-description = { $name } is hiring digital talent: presentation, projects, job offers and team stories.
page-stories-title = Stories
page-stories-description = Meet the State's digital public servants: their jobs, their projects, their teams.
page-story-title = { $name }, { $role }
page-story-description = { $name } ({ $ministry }) talks about working in public-sector digital.
page-accessibility-title = Accessibility statement
page-accessibility-description = Accessibility statement of { -brand }: RGAA compliance status, contact and means of redress.
page-legal-title = Legal notice
page-legal-description = Legal notice of { -brand }: publisher, publication director, hosting, licence.
page-privacy-title = Personal data
page-privacy-description = How { -brand } processes your personal data: data collected, retention periods and your rights.
page-sitemap-title = Site map
page-sitemap-description = Every page of { -brand }.
page-error-description = An error occurred on { -brand }.

## Portal themes

theme-dsfr = French State design system (default)
theme-vitrine = Showcase: large banner in the ministry's colours

## Header, navigation, footer

skiplinks-label = Quick access
skiplinks-content = Content
skiplinks-menu = Menu
skiplinks-footer = Footer
header-menu = Menu
header-home-link-title = Home - { -brand }
nav-label = Main menu
nav-home = Home
nav-offers = Job offers
nav-ministries = Ministries
nav-stories = Stories
lang-select = Select a language
display-settings = Display settings
display-legend = Choose a theme to customise how the site looks.
display-light = Light theme
display-dark = Dark theme
display-system = System
display-system-hint = Uses your system settings
breadcrumb-label = you are here:
breadcrumb-show = Show the breadcrumb
footer-home-link-title = Back to the site's home page
footer-description = { -brand } is the French State's digital jobs portal, published by the Interministerial Digital Directorate (DINUM). Offers are published by the ministries and their services.
footer-sitemap = Site map
footer-accessibility = Accessibility: partially compliant
footer-legal = Legal notice
footer-personal-data = Personal data
footer-feed = Job offers feed (Atom)
footer-licence-before = Unless otherwise stated regarding third-party intellectual property, the content of this site is available under the
footer-licence-link = etalab-2.0 licence

## Pagination

pagination-label = Pagination
pagination-first = First page
pagination-prev = Previous page
pagination-next = Next page
pagination-last = Last page
pagination-page = Page { $number }

## Home

home-heading = Join the French State's digital teams
home-lead = Meaningful missions, ambitious projects and a wide range of professions: find the offer that suits you among those of the ministries.
home-cta-offers = See all offers
home-cta-junior = Offers open to beginners
home-cta-ministries = Discover the ministries
home-cta-stories = Read all the stories
home-figures-heading = Digital in the French State, in figures
home-figure-offers =
    { $count ->
        [one] open offer
       *[other] open offers
    }
home-figure-ministries =
    { $count ->
        [one] hiring ministry
       *[other] hiring ministries
    }
home-figure-stories =
    { $count ->
        [one] story
       *[other] stories
    }
home-figure-regions =
    { $count ->
        [one] region
       *[other] regions
    }
home-latest-offers-heading = Latest offers
home-no-offers = No offer is published at the moment. Come back soon!
home-why-heading = Why join the French State?
home-why-meaning-title = Meaningful missions
home-why-meaning-text = Health, education, justice, environment, security: your skills directly serve the public interest and millions of people.
home-why-impact-title = Ambitious projects
home-why-impact-text = Online public services, data platforms, sovereign infrastructure: change things from the inside, with product teams and modern practices.
home-why-variety-title = A wide range of professions
home-why-variety-text = Development, data, design, product, infrastructure, security, project management: the State hires beginners and experienced people alike, all over France.
home-ministries-heading = Ministries hiring now
home-stories-heading = The people behind the State's digital services
home-stories-intro = Public servants tell about their job, their team and the projects they work on.

## Offer list

offers-heading = Public-sector digital job offers
offers-intro = Offers published by the ministries and their services, updated every day. Most offers are written in French.
offers-search-label = Search offers
offers-search-placeholder = Profession, skill, city…
offers-search-button = Search
offers-filters-heading = Filter offers
offers-more-filters = { $count ->
    [0] More filters
   *[other] More filters ({ $count } active)
}
offers-count =
    { $count ->
        [0] No offer
        [one] 1 offer
       *[other] { $count } offers
    }
offers-did-you-mean = Did you mean
offers-did-you-mean-end = ?
offers-sort-label = Sort the offers
offers-sort-relevance = Most relevant
offers-sort-recent = Most recent
offers-empty-title = No offer matches your search
offers-empty-message = Try widening your search: remove a filter or use other keywords. You can also discover the ministries that are hiring.
offers-empty-ministries = Discover the ministries
offers-feed-link = Subscribe to the offers feed (Atom)
filter-ministry = Ministry
filter-profession = Profession
filter-contract = Contract type
filter-category = Category
filter-region = Region
filter-remote = Remote work
filter-experience = Experience
filter-all-ministries = All ministries
filter-all-professions = All professions
filter-all-contracts = All contracts
filter-all-categories = All categories
filter-all-regions = All regions
filter-all-remote = Any arrangement
filter-all-experience = All levels
filter-quick-legend = Quick filters
filter-junior = Open to beginners
filter-distanciel = Remote work possible
filter-submit = Apply filters
filter-reset = Reset filters

## Offer

offer-published-on = Published on { $date }
offer-expires-on = until { $date }
offer-expires-soon = Closing soon
offer-filled-badge = Position filled
offer-filled-title = This position has been filled.
offer-filled-message = Applications are closed; the page stays online for information.
offer-filled-link = See open offers
offer-facts-heading = Key facts
offer-fact-location = Location
offer-fact-experience = Experience
offer-fact-salary = Salary
offer-fact-start = Start date
offer-fact-published = Published
offer-published-on-approval = Once approved
offer-fact-expires = Application deadline
offer-experience-any = No minimum experience required
offer-experience-years =
    { $years ->
        [0] Open to beginners
        [one] At least 1 year of experience
       *[other] At least { $years } years of experience
    }
offer-salary-range = €{ $min } to €{ $max } gross per year
offer-salary-from = From €{ $min } gross per year
offer-salary-up-to = Up to €{ $max } gross per year
offer-domains-heading = Fields
offer-video-link = Watch the presentation video
offer-apply-heading = Apply
offer-apply-jump = How to apply
offer-apply-button = Apply
offer-apply-on-site-text = Apply online: your CV and a few words about your motivation.
offer-apply-external-text = Applications are made on the recruiter's website.
offer-apply-email-text = Send your CV and a few words about your motivation by email:
offer-apply-email-subject = Application: { $title }
offer-apply-filled = This position has been filled: applications are closed.
offer-contact-heading = A question about the position?
offer-contact-text = Contact the person in charge of hiring:
offer-contact-subject = Question about the offer: { $title }
offer-ministry-heading = The employer
offer-source-import = Offer imported from { $name }.
offer-source-link = See the original offer on { $name }
offer-back-to-list = Back to offers
offer-related-heading = Similar offers
offer-gone-heading = This offer is no longer available
offer-gone-message = The application deadline has passed or the recruiter has withdrawn the offer. Other positions are waiting for you!
offer-gone-all-offers = See all offers
offer-gone-ministry-offers = Offers from { $ministry }
offer-gone-ministry-page = Discover the ministry
offer-similar-heading = You may be interested in these offers

## Codes: contract types

contract-titulaire_contractuel = Civil servant or contract staff
contract-contractuel = Contract staff
contract-freelance = Freelance
contract-alternance = Work-study
contract-stage = Internship
contract-vie = International volunteering (VIE)

## Codes: professions

profession-architecture = Architecture
profession-developpement = Development
profession-donnees = Data
profession-gestion = Management and steering
profession-infrastructure = Infrastructure and operations
profession-projet_produit = Project and product
profession-design = Design and user experience
profession-securite = Security
profession-cloud = Cloud
profession-support = Support and helpdesk
profession-autre = Other professions

## Codes: remote work

remote-total = Fully remote
remote-partiel = Partly remote
remote-aucun = On site

## Codes: experience

experience-debutant = Beginner (up to 2 years)
experience-confirme = Experienced (up to 5 years)
experience-expert = Expert (any experience)

## Codes: civil service categories

category-A = Category A
category-B = Category B
category-C = Category C

## Codes: offer sections

offer-section-context = Context
offer-section-mission = Mission
offer-section-tasks = Main activities
offer-section-team = The team
offer-section-perks = Benefits
offer-section-particularities = Specifics of the position
offer-section-profile = Who we are looking for
offer-section-recruitment_process = Recruitment process

## Codes: ministry sections

ministry-section-values = Our values
ministry-section-challenges = Our challenges
ministry-section-mission = Our mission
ministry-section-projects = Our projects
ministry-section-organisation = Our organisation
ministry-section-key_figures = Key figures
ministry-section-skills_sought = Skills we are looking for
ministry-section-recruitment_process = Recruitment process
ministry-section-working_with_us = Working with us

## Ministries

ministries-heading = Ministries hiring now
ministries-intro = Discover the French ministries and State services hiring digital talent: their missions, projects, teams and offers.
ministries-list-heading = List of ministries
ministries-empty = No ministry is presented yet.
ministry-offer-count =
    { $count ->
        [0] No offer at the moment
        [one] 1 offer
       *[other] { $count } offers
    }
ministry-website = { $name } website
ministry-presentation-heading = About
ministry-offers-heading = Its job offers
ministry-see-all-offers =
    { $count ->
        [0] See the offers
        [one] See the offer
       *[other] See the { $count } offers
    }
ministry-no-offers = This ministry has no open offer at the moment.
ministry-feed-link = Subscribe to { $name }'s offers (Atom)
ministry-stories-heading = Its teams tell their stories

## Vitrine theme

vitrine-kicker = Join our digital teams
vitrine-figures-heading = In figures
vitrine-figure-offers =
    { $count ->
        [one] open offer
       *[other] open offers
    }
vitrine-figure-stories =
    { $count ->
        [one] story
       *[other] stories
    }

## Stories

stories-heading = Stories
stories-intro = Developers, data scientists, designers, product managers, security experts: the State's digital public servants talk about their daily work.
stories-list-heading = All stories
stories-empty = No story is published yet.
story-published-on = Published on { $date }
story-body-heading = In their own words
story-video-link = Watch the story's video
story-ministry-offers-heading = Working at { $ministry }
story-ministry-offers-text = Want to join this team? See its open offers.
story-ministry-offers-button = See its offers
story-more-heading = More stories

## Errors

error-code = Error { $status }
error-help-client = If you typed the address in your browser, check that it is correct. You can also start again from the home page or the list of offers.
error-help-server = Try refreshing the page or come back in a few moments. If the problem persists, write to us with the address of the page.
error-home-button = Home page
error-contact-button = Contact us
error-400-title = Bad request
error-400-message = The request sent to the server is incomplete or malformed.
error-403-title = Access denied
error-403-message = You do not have the rights needed to access this page.
error-404-title = Page not found
error-404-message = The page you are looking for cannot be found. We apologise for the inconvenience.
error-410-title = Content removed
error-410-message = This content is no longer available: it has expired or has been archived.
error-413-title = Request too large
error-413-message = What you sent is larger than the site accepts. Shorten your texts or choose a smaller file, then try again.
error-429-title = Too many requests
error-429-message = You have made too many requests in a short time. Please wait a few moments.
error-500-title = Unexpected error
error-500-message = Sorry, the service is experiencing a problem; we are working to fix it as quickly as possible.
error-503-title = Service unavailable
error-503-message = The service is temporarily unavailable, for maintenance or because of heavy traffic.

## Accessibility statement

a11y-heading = Accessibility statement
a11y-lead = The Interministerial Digital Directorate (DINUM) is committed to making its websites accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.
a11y-scope = This accessibility statement applies to the { -brand } website (metiers.numerique.gouv.fr).
a11y-status-heading = Compliance status
a11y-status-text = The { -brand } website is partially compliant with the French accessibility framework RGAA (référentiel général d'amélioration de l'accessibilité), version 4.1, because of the non-compliances listed below.
a11y-audit-text = A full compliance audit by an independent body is planned. Until its results are available, the site is built with the French State design system (DSFR) and every page is checked automatically, in light and dark themes.
a11y-results-heading = Test results
a11y-results-text = The compliance rate with the RGAA criteria will be published after the audit. Automated checks report no error on the site's page types; they do not, however, cover every criterion.
a11y-non-accessible-heading = Non-accessible content
a11y-non-compliant-intro = The following content may not be accessible:
a11y-non-compliant-1 = some presentation videos, hosted on third-party platforms, may lack subtitles or a transcript;
a11y-non-compliant-2 = some texts written by recruiters may have an imperfect heading or list structure;
a11y-non-compliant-3 = offers imported from partner sites link to application pages whose accessibility does not depend on DINUM.
a11y-exempt-text = No exemption for disproportionate burden is claimed. Third-party websites that this site links to are not covered by this site's accessibility obligation.
a11y-making-heading = Preparation of this statement
a11y-making-text = This statement is based on a self-assessment; it will be updated after the audit.
a11y-tech = Technologies used: HTML5, CSS, JavaScript (French State design system).
a11y-tools = Testing tools: axe-core, HTML validator, manual keyboard navigation review.
a11y-env = Test environments: Firefox and Chromium browsers, NVDA and VoiceOver screen readers.
a11y-feedback-heading = Feedback and contact
a11y-feedback-text = If you cannot access some content or a service, contact us to be directed to an accessible alternative or to get the content in another form:
a11y-feedback-delay = We aim to answer within two weeks.
a11y-recourse-heading = Means of redress
a11y-recourse-text = If you have reported an accessibility issue that prevents you from accessing content or a service of the site and have not received a satisfactory answer, you are entitled to refer the matter to the Défenseur des droits (the French rights ombudsman).
a11y-recourse-means = Several means are available:
a11y-recourse-form = Write to the Défenseur des droits (online form, in French)
a11y-recourse-delegate = Contact the Défenseur des droits delegate in your region (in French)
a11y-recourse-mail = Send a letter by post (free of charge, no stamp needed): Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.

## Legal notice

legal-heading = Legal notice
legal-publisher-heading = Publisher
legal-publisher-text = The { -brand } website is published by the Interministerial Digital Directorate (DINUM), a department of the French Prime Minister's services.
legal-publisher-address = Address: DINUM, 20 avenue de Ségur, 75007 Paris, France. Contact:
legal-director-heading = Publication director
legal-director-text = The publication director is the Interministerial Digital Director.
legal-hosting-heading = Hosting
legal-hosting-text = The site and its data are hosted in France, within the European Union. The name and contact details of the production host are provided on request at the contact address above.
legal-content-heading = Published content
legal-content-text = Job offers and stories are written and published by the hiring ministries and services, under their responsibility, after review by the DINUM team.
legal-licence-heading = Licence and reuse
legal-licence-text = Unless otherwise stated, the content of this site is available under the Open Licence version 2.0 (etalab-2.0): you may reuse it freely, including for commercial purposes, provided you cite the source.
legal-licence-link = Read the Open Licence 2.0
legal-marks-text = The State's brand, the Marianne block and the Marianne typeface are reserved for State websites and may not be reused.
legal-source-text = The site's source code is free software released under the MIT licence.
legal-links-heading = Links to other sites
legal-links-text = Any public or private site may link to the pages of this site without prior permission. DINUM is not responsible for the content of the sites this site links to, including recruiters' application sites.
legal-a11y-heading = Accessibility
legal-a11y-text = The site's compliance with the French accessibility framework (RGAA) is detailed in the accessibility statement.
legal-data-heading = Personal data
legal-data-text = How your personal data is processed is described on the dedicated page.
legal-security-heading = Security
legal-security-text = The site is protected by an electronic certificate (HTTPS). { -brand } will never ask you for personal information by email or phone: if in doubt, write to us.

## Personal data

privacy-heading = Personal data
privacy-lead = Browsing { -brand } requires no personal data. This page explains what data we process when you choose to apply, join the talent pool or receive alerts, and how to exercise your rights.
privacy-controller-heading = Data controller
privacy-controller-text = The data controller is the Interministerial Digital Directorate (DINUM), 20 avenue de Ségur, 75007 Paris, France. For applications, the hiring ministry is the controller of your application once it has been forwarded.
privacy-browsing-heading = Browsing the site
privacy-browsing-text = Simply viewing offers, ministry pages and stories requires neither an account nor any personal data.
privacy-stats-text = We measure traffic anonymously (number of views per page), without cookies or third-party trackers and without keeping your IP address in the statistics.
privacy-collected-heading = Data collected
privacy-collected-intro = Depending on the services you use, we collect:
privacy-collected-apply = for an online application: your first and last name, email address, CV and message, forwarded to the ministry that published the offer;
privacy-collected-talents = for the talent pool: your email address, first and last name, professions and search preferences, and your CV if you upload it;
privacy-collected-alerts = for alerts: your email address and the search criteria you chose;
privacy-collected-staff = for ministry staff who publish offers: the information provided by ProConnect (name, work email address, administration).
privacy-basis-heading = Legal bases
privacy-basis-apply = Applications: performance of a task carried out in the public interest, recruitment into the civil service (GDPR article 6(1)(e)).
privacy-basis-consent = Talent pool and alerts: your consent, confirmed through a link sent by email and which you may withdraw at any time (GDPR article 6(1)(a)).
privacy-basis-staff = Staff accounts: performance of a task carried out in the public interest (GDPR article 6(1)(e)).
privacy-retention-heading = Retention periods
privacy-retention-apply = Applications: at most { $years } years after they were sent, with the CV, unless you ask for earlier deletion.
privacy-retention-talents = Talent pool: { $months } months after you last extended your profile; an email offers to extend it a month before deletion. A profile whose address is not confirmed within 7 days is erased.
privacy-retention-alerts = Alerts: until you unsubscribe, in one click from any alert email.
privacy-retention-logs = Technical and security logs: one year at most.
privacy-recipients-heading = Recipients
privacy-recipients-text = Your data is only accessible to authorised people: the hiring ministry's team for applications to its offers, and the DINUM team that runs the service. It is never sold or transferred.
privacy-processors-text = Our processors (hosting and email delivery) process data on our behalf, within the European Union, and are bound by the same security and confidentiality obligations.
privacy-rights-heading = Your rights
privacy-rights-text = Under the General Data Protection Regulation (GDPR) and the French Data Protection Act, you have the following rights:
privacy-rights-access = the right to access your data;
privacy-rights-rectify = the right to rectification;
privacy-rights-erase = the right to erasure, including the complete deletion of your application or profile;
privacy-rights-object = the right to object and the right to restriction of processing;
privacy-rights-withdraw = the right to withdraw your consent at any time for the talent pool and alerts.
privacy-rights-how = To exercise these rights, write to us with "Personal data" in the subject line:
privacy-dpo-text = You may also contact DINUM's data protection officer by post: DINUM, Data protection officer, 20 avenue de Ségur, 75007 Paris, France.
privacy-cnil-text = If, after contacting us, you believe your rights are not respected, you may lodge a complaint with the CNIL, the French data protection authority.
privacy-cnil-link = Lodge a complaint with the CNIL (in French)
privacy-cookies-heading = Cookies
privacy-cookies-text = The site sets no audience-measurement or advertising cookie, so no consent banner is needed. Your display theme choice (light or dark) is stored in your browser only.

## Site map

sitemap-heading = Site map
sitemap-lead = Every public page of { -brand }.
sitemap-main-heading = Sections
sitemap-info-heading = Information
sitemap-lang-heading = Languages

## The application form (offers that take applications on the site)
apply-title = Apply
apply-heading = Apply: { $title }
apply-intro = Your application goes to the recruiting team. You will receive a confirmation email.
apply-required-note = All fields are required unless marked otherwise.
apply-identity = You
apply-application = Your application
apply-field-first-name = First name
apply-field-last-name = Last name
apply-field-email = Email address
apply-hint-email = Expected format: name@domain.fr. The confirmation and the answers will be sent there.
apply-field-phone = Phone (optional)
apply-hint-phone = For example: +33 6 12 34 56 78
apply-field-cv = CV
apply-hint-cv = A PDF file of at most { $max } MB.
apply-field-links = Links to your profile (optional)
apply-hint-links = Portfolio, code repository, professional profile: one link per line, five at most.
apply-field-message = Message (optional)
apply-hint-message = A few words about your motivation, at most 5,000 characters.
apply-field-website = Leave this field empty
apply-field-consent = I agree that this information and my CV are sent to the recruiting team and kept for at most { $years } years.
apply-privacy = Your data is used only to process your application and is deleted after { $years } years. You may ask to see it or to have it erased.
apply-privacy-link = Personal data
apply-submit = Send my application
apply-sent-title = Application sent
apply-sent-message = Thank you! Your application was sent. A confirmation email is on its way.
apply-back-to-offer = Back to the offer
apply-closed-title = This offer no longer takes applications
apply-closed-message = It was filled, expired or withdrawn in the meantime. Your application was not recorded.

## Talent pool (/vivier)
nav-talents = Talent pool
talent-title = Join the talent pool
talent-intro = Leave your profile: the State's digital teams who recruit may offer you a position. Your address is given to them only if you answer.
talent-profile = Your profile
talent-choose = Choose
talent-field-professions = Your professions
talent-field-seniority = Your experience
talent-field-regions = The regions where you want to work (optional)
talent-hint-regions = Tick none if any suits you.
talent-field-available-from = Available from (optional)
talent-hint-available-from = As DD/MM/YYYY; leave empty if you are available now.
talent-field-summary = About you (optional)
talent-hint-summary = What you can do and what you are looking for, at most 2,000 characters. Recruiters search it by keywords.
talent-field-cv = CV (optional)
talent-field-hidden-from = Ministries that must not see your profile (optional)
talent-hint-hidden-from = Your current employer, for instance: the ministries ticked will not find you anywhere.
talent-hint-email = Expected format: name@domain.fr. You will receive a link to confirm your address, then to manage your profile.
talent-field-consent = I agree that my profile is seen by the ministries' recruiters and kept { $months } months, unless I extend it.
talent-privacy = Your profile serves only to offer you positions. It is deleted after { $months } months without extension; an email warns you a month before. You may change or delete it at any time.
talent-submit = Join the talent pool
talent-sent-title = Confirm your address
talent-sent-text = An email was just sent to you. Follow its link within 7 days for your profile to join the pool.
talent-confirm-title = Confirm your address
talent-confirm-text = Confirm your address for your profile to join the talent pool.
talent-confirm-button = Confirm my address
talent-expired-title = This link has expired
talent-expired-text = This link was valid for 7 days only. Your profile was not kept: you may leave it again.
talent-join-again = Leave my profile again
talent-already-title = Address already confirmed
talent-already-text = This link was already used: your profile is in the pool. The link to manage your profile is in each of our emails.
talent-manage-title = Your profile in the talent pool
talent-manage-intro = Profile of { $email }, seen by recruiters until { $date }.
talent-manage-form = Change my profile
talent-renew = Extend my profile by { $months } months
talent-field-remove-cv = Delete my CV ({ $kb } kB)
talent-save = Save my profile
talent-delete-title = Delete my profile
talent-delete-text = Your profile, your CV and the list of ministries that wrote to you are erased at once, for good.
talent-delete-button = Delete my profile for good
talent-deleted-title = Profile deleted
talent-deleted-text = Your profile and your CV were erased. You may join the pool again whenever you wish.
talent-done-confirmed = Your address is confirmed: your profile joined the talent pool.
talent-done-saved = Your profile is saved.
talent-done-renewed = Your profile is extended.

## Job alerts (/alertes)
offers-alert-link = Receive these offers by email
alert-title = Receive these offers by email
alert-intro = Receive the new offers matching your search by email, every day or every week. A link in every email unsubscribes you in one click.
alert-search = Your search:
alert-search-everything = every offer
alert-see-offers = see the offers
alert-hint-email = Expected format: name@domain.fr. You will receive a link to confirm your address. At most { $max } alerts per address.
alert-field-frequency = How often
alert-frequency-daily = Every day
alert-frequency-weekly = Every week
alert-field-consent = I agree to receive these emails until I unsubscribe.
alert-privacy = We keep only your address, your search and the list of offers already sent, until you unsubscribe. An alert not confirmed within 7 days is erased.
alert-submit = Create my alert
alert-sent-title = Confirm your address
alert-sent-text = An email was just sent to you. Follow its link within 7 days to receive your first offers.
alert-back-to-offers = Back to the offers
alert-confirm-title = Confirm your alert
alert-confirm-text = Confirm your address to receive the new offers of this search.
alert-confirm-button = Confirm my alert
alert-confirmed-title = Alert confirmed
alert-confirmed-text = You will receive the new offers of this search. Every email holds a link to unsubscribe.
alert-expired-title = This link has expired
alert-expired-text = This link was valid for 7 days only. Create the alert again from the list of offers.
alert-already-title = Alert already confirmed
alert-already-text = This link was already used: your alert is active.
alert-unsubscribe-title = Unsubscribe
alert-unsubscribe-text = You will no longer receive the offers of this alert.
alert-unsubscribe-button = Unsubscribe me
alert-unsubscribed-title = You are unsubscribed
alert-unsubscribed-text = This alert is deleted, with your address if you had no other.
alert-gone-title = This alert no longer exists
alert-gone-text = It was already deleted, or the link is incomplete.

## Personal data requests (/donnees-personnelles/demande)
privacy-rights-online = To receive all we keep about your address, or to erase it all (applications and CVs, talent profile, alerts, emails), ask online: a confirmation link is sent to that address.
privacy-rights-online-link = Ask for my data or its erasure
rights-title = Your personal data
rights-intro = Receive all that Métiers du Numérique keeps about your address, or erase it. So that only you can, the request is confirmed through a link sent to that address.
rights-hint-email = The address you used to apply, join the talent pool or create alerts.
rights-field-kind = Your request
rights-kind-export = Receive my data by email (a JSON file)
rights-kind-erase = Erase all my data
rights-submit = Send my request
rights-sent-title = Confirm your request
rights-sent-text = If this address is valid, an email was just sent to it. Follow its link within 7 days.
rights-confirm-export-title = Receive your data
rights-confirm-export-text = Confirm to receive by email, as a JSON file, all we keep about your address.
rights-confirm-export-button = Send me my data
rights-confirm-erase-title = Erase your data
rights-confirm-erase-text = Your applications and their CVs, your talent profile, your alerts and our emails to your address will be erased at once, for good. Recruiters will no longer see your applications.
rights-confirm-erase-button = Erase my data for good
rights-sent-export-title = Your data is on its way
rights-sent-export-text = The email and its attached file reach your address in a few minutes.
rights-erased-title = Your data is erased
rights-erased-text = We no longer keep anything about your address.
rights-expired-title = This link has expired
rights-expired-text = This link was valid for 7 days only. Make a new request from the Personal data page.
rights-already-title = Request already handled
rights-already-text = This link was already used.

## Statistics: the public impact page (/statistiques), shared with the back-office page and the exports
footer-statistics = Statistics
footer-api = API
page-statistics-title = Statistics { $year }: our goals and results
page-statistics-description = The yearly goals of Métiers du Numérique and how far they went, month by month: offers published, applications, recruitments and visits.
stats-public-lead = Like every digital service of the French State, Métiers du Numérique publishes its goals and results. The figures are computed from facts: a hired application is a recruitment, a confirmed profile is a talent.
stats-public-goals-note = Recruitments counted are those made from an application sent on this site.
stats-public-threshold = Per ministry, a figure below { $threshold } is not shown.
stats-method-heading = How we measure
stats-method-text = The server itself counts pages seen, clicks on “Apply”, applications, recruitments and sign-ups, per day. No cookie, no IP address, no browser fingerprint is kept.
stats-method-privacy = If your browser asks not to be tracked (“Do Not Track” or “Global Privacy Control”), your visit is not counted. Robots are not counted either.
stats-goals-heading = This year’s goals
stats-monthly-heading = Month by month
stats-table-ministries = By ministry
stats-no-ministries = No ministry has figures yet this year.
stats-goal-recruitments = Recruitments
stats-goal-talents = Talents in the pool
stats-goal-applications = Applications
stats-goal-progress = { $achieved } of a goal of { $target } ({ $percent }%)
stats-goal-no-target = { $achieved }, no goal set
stats-series-offers_published = Offers published
stats-series-page_views = Pages seen
stats-series-offer_views = Offer views
stats-series-ministry_views = Ministry page views
stats-series-apply_clicks = Clicks on “Apply”
stats-series-applications = Applications
stats-series-hires = Recruitments
stats-series-talents = Talents registered
stats-series-alerts = Alerts created
stats-chart-title = { $series } per month in { $year }
stats-chart-description = { $total } in all; the highest month is { $month } ({ $most }).
stats-col-month = Month
stats-total = Total
stats-below-threshold = fewer than 5
stats-month-1 = January
stats-month-2 = February
stats-month-3 = March
stats-month-4 = April
stats-month-5 = May
stats-month-6 = June
stats-month-7 = July
stats-month-8 = August
stats-month-9 = September
stats-month-10 = October
stats-month-11 = November
stats-month-12 = December
stats-month-short-1 = Jan
stats-month-short-2 = Feb
stats-month-short-3 = Mar
stats-month-short-4 = Apr
stats-month-short-5 = May
stats-month-short-6 = Jun
stats-month-short-7 = Jul
stats-month-short-8 = Aug
stats-month-short-9 = Sep
stats-month-short-10 = Oct
stats-month-short-11 = Nov
stats-month-short-12 = Dec
stats-table-goals = Goals
stats-table-monthly = Monthly
stats-table-top-offers = Most seen offers
stats-table-summary = Conversion and delays
stats-col-indicator = Indicator
stats-col-target = Goal
stats-col-achieved = Achieved
stats-col-percent = Progress (%)
stats-col-offer = Offer
stats-col-ministry = Ministry
stats-col-value = Value
stats-col-table = Table
stats-col-row = Row
stats-applications-per-100-views = Applications per 100 offer views
stats-hires-per-100-applications = Recruitments per 100 applications
stats-median-first-application = Median days to the first application
stats-median-hire = Median days to a recruitment
stats-offers-expired = Offers that reached their deadline
stats-expired-without-application = … of which with no application
stats-expired-share = Share of expired offers with no application (%)
stats-sheet-chart = Chart
error-argument-year = There are no figures for this year: choose one of the years listed.
error-argument-ministry = No ministry has this name: choose one in the list.
error-argument-format = Figures download as CSV, XLSX or JSON.

## The JSON API's problems (`web::api::problem`) and documentation page (`/api/docs`)
api-problem-invalid = Some fields are refused
api-problem-bad_request = The request cannot be read
api-problem-unauthorized = API token missing, unknown, expired or revoked
api-problem-forbidden = This token may not do that
api-problem-not_found = Not found
api-problem-gone = This offer is no longer online
api-problem-too_large = Request too large
api-problem-too_many_requests = Too many requests: try again after the delay Retry-After gives
api-problem-unsupported_media_type = The body must be JSON (application/json)
api-problem-method_not_allowed = Method not allowed at this address
api-problem-internal = Unexpected error, recorded in the service's log
api-problem-unavailable = Service unavailable for now
api-problem-argument = Unknown value
api-field-unreadable = This value does not have the expected type or format (see the API's documentation).
api-docs-title = API documentation
api-docs-description = The JSON API of Métiers du Numérique: public offers, ministries and stories, and the integration of the ministries' systems.
api-docs-lead = Offers online, ministries, stories and the year's figures are read without a token. A ministry's systems (HR software, the State's job portal) publish its offers and follow its applications with an API token.
api-docs-base = Base address:
api-docs-contract = Contract:
api-docs-version = version
api-docs-start-heading = Getting started
api-docs-start-public = Search offers, without a token:
api-docs-start-token = Publish or update an offer, with a token one of the ministry's managers makes in the back-office (API tokens): the reference is your system's, and sending the same offer again changes nothing.
api-docs-start-moderation = The offer waits for DINUM's approval (status "pending_review"), unless the ministry is trusted; once approved, it shows on the portal and in /api/v1/offers. A change to an offer online also waits for approval, while the online version stays.
api-docs-errors = Errors are application/problem+json (RFC 9457): a stable code, the HTTP status, a title in French and English, and for each refused field its name, its code and a message.
api-docs-limits = Each address and each token may make a limited number of requests a minute: past it, the answer is 429 with a Retry-After header. Public answers carry an ETag (If-None-Match gives 304) and Cache-Control, and may be read from any site (CORS).
api-docs-english-note = The descriptions of the operations and objects below come from the OpenAPI contract, written in English.
api-docs-public-heading = Public API
api-docs-integration-heading = Integration API
api-docs-schemas-heading = Objects
api-docs-token-needed = Needs an API token of the ministry (Authorization: Bearer).
api-docs-parameters-of = Parameters of { $operation }
api-docs-properties-of = Properties of { $schema }
api-docs-body = Request body (JSON):
api-docs-answers = Answers
api-docs-required = required
api-docs-in-query = in the query
api-docs-in-path = in the path
api-docs-in-header = header
