### Métiers du Numérique — portail public, français (langue par défaut).
### Écriture inclusive avec le point médian (·), comme le site historique.
###
### Clés utilisées par le code Rust pour remplir `page.title` et `page.description`
### (les gabarits ne les lisent pas directement) :
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
### Pages d'erreur : `title_key` / `message_key` valent error-{status}-title / error-{status}-message
### (400, 403, 404, 410, 429, 500, 503).
### Libellés des thèmes : theme-dsfr, theme-vitrine.

-brand = Métiers du Numérique

## Site

site-name = { -brand }
site-tagline = Les emplois numériques de l'État
og-locale = fr_FR
og-locale-alternate = en_GB
feed-title = Offres d'emploi — { -brand } (Atom)
new-window = nouvelle fenêtre
close = Fermer
number-group-separator = {"\u202F"}

## Titres et descriptions des pages (page.title / page.description, remplis côté Rust)

page-home-title = Accueil
page-home-description = Trouvez votre prochain emploi numérique au service de l'intérêt général : offres des ministères, témoignages des équipes et métiers du numérique de l'État.
page-offers-title = Offres d'emploi
page-offers-title-paged = Offres d'emploi — page { $page }
page-offers-description = Toutes les offres d'emploi numériques de l'État : développement, données, design, produit, infrastructure, sécurité… Filtrez par ministère, métier, contrat, région et télétravail.
page-offer-title = { $title } — { $ministry }
page-offer-description = { $ministry } recrute : { $title }, { $location }. Missions, profil recherché et candidature sur { -brand }.
page-offer-gone-title = Offre expirée : { $title }
page-offer-gone-description = Cette offre d'emploi n'est plus disponible. Découvrez des offres similaires sur { -brand }.
page-ministries-title = Ministères
page-ministries-description = Les ministères et services de l'État qui recrutent des talents du numérique : présentation, projets, offres et témoignages.
page-ministry-title = { $name }
page-ministry-description = { $name } recrute dans le numérique : présentation, projets, offres d'emploi et témoignages des équipes.
page-stories-title = Témoignages
page-stories-description = Rencontrez les agent·es du numérique de l'État : leurs métiers, leurs projets, leurs équipes.
page-story-title = { $name }, { $role }
page-story-description = Le témoignage de { $name } ({ $ministry }) sur son métier dans le numérique public.
page-accessibility-title = Déclaration d'accessibilité
page-accessibility-description = Déclaration d'accessibilité du site { -brand } : état de conformité au RGAA, contact et voies de recours.
page-legal-title = Mentions légales
page-legal-description = Mentions légales du site { -brand } : éditeur, directeur de la publication, hébergement, licence.
page-privacy-title = Données personnelles
page-privacy-description = Comment { -brand } traite vos données personnelles : données collectées, durées de conservation et droits.
page-sitemap-title = Plan du site
page-sitemap-description = Toutes les pages du site { -brand }.
page-error-description = Une erreur est survenue sur { -brand }.

## Thèmes du portail

theme-dsfr = Système de design de l'État (par défaut)
theme-vitrine = Vitrine : grand bandeau aux couleurs du ministère

## En-tête, navigation, pied de page

skiplinks-label = Accès rapide
skiplinks-content = Contenu
skiplinks-menu = Menu
skiplinks-footer = Pied de page
header-menu = Menu
header-home-link-title = Accueil - { -brand }
nav-label = Menu principal
nav-home = Accueil
nav-offers = Offres
nav-ministries = Ministères
nav-stories = Témoignages
lang-select = Sélectionner une langue
display-settings = Paramètres d'affichage
display-legend = Choisissez un thème pour personnaliser l'apparence du site.
display-light = Thème clair
display-dark = Thème sombre
display-system = Système
display-system-hint = Utilise les paramètres système
breadcrumb-label = vous êtes ici :
breadcrumb-show = Voir le fil d'Ariane
footer-home-link-title = Retour à l'accueil du site
footer-description = { -brand } est le portail des emplois numériques de l'État, édité par la Direction interministérielle du numérique (DINUM). Les offres sont publiées par les ministères et leurs services.
footer-sitemap = Plan du site
footer-accessibility = Accessibilité : partiellement conforme
footer-legal = Mentions légales
footer-personal-data = Données personnelles
footer-feed = Flux des offres (Atom)
footer-licence-before = Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont proposés sous
footer-licence-link = licence etalab-2.0

## Pagination

pagination-label = Pagination
pagination-first = Première page
pagination-prev = Page précédente
pagination-next = Page suivante
pagination-last = Dernière page
pagination-page = Page { $number }

## Accueil

home-heading = Rejoignez les équipes numériques de l'État
home-lead = Des missions porteuses de sens, des projets ambitieux et une grande variété de métiers : trouvez l'offre qui vous ressemble parmi celles des ministères.
home-cta-offers = Voir toutes les offres
home-cta-junior = Offres ouvertes aux débutant·es
home-cta-ministries = Découvrir les ministères
home-cta-stories = Lire tous les témoignages
home-figures-heading = Le numérique de l'État en chiffres
home-figure-offers =
    { $count ->
        [0] offre en ligne
        [one] offre en ligne
       *[other] offres en ligne
    }
home-figure-ministries =
    { $count ->
        [0] ministère recruteur
        [one] ministère recruteur
       *[other] ministères recruteurs
    }
home-figure-stories =
    { $count ->
        [0] témoignage
        [one] témoignage
       *[other] témoignages
    }
home-figure-regions =
    { $count ->
        [0] région
        [one] région
       *[other] régions
    }
home-latest-offers-heading = Dernières offres publiées
home-no-offers = Aucune offre n'est publiée pour le moment. Revenez bientôt !
home-why-heading = Pourquoi rejoindre l'État ?
home-why-meaning-title = Des missions qui ont du sens
home-why-meaning-text = Santé, éducation, justice, environnement, sécurité : vos compétences servent directement l'intérêt général et des millions d'usager·es.
home-why-impact-title = Des projets ambitieux
home-why-impact-text = Services publics en ligne, plateformes de données, infrastructures souveraines : changez les choses de l'intérieur, avec des équipes produit et des méthodes modernes.
home-why-variety-title = Une grande variété de métiers
home-why-variety-text = Développement, données, design, produit, infrastructure, sécurité, gestion de projet : l'État recrute des profils débutant·es comme expérimenté·es, partout en France.
home-ministries-heading = Les ministères qui recrutent
home-stories-heading = Ils et elles font le numérique de l'État
home-stories-intro = Des agent·es racontent leur métier, leur équipe et les projets sur lesquels ils et elles travaillent.

## Liste des offres

offers-heading = Offres d'emploi du numérique public
offers-intro = Les offres publiées par les ministères et leurs services, mises à jour chaque jour.
offers-search-label = Rechercher une offre
offers-search-placeholder = Métier, compétence, ville…
offers-search-button = Rechercher
offers-filters-heading = Filtrer les offres
offers-more-filters = { $count ->
    [0] Plus de filtres
   *[other] Plus de filtres ({ $count } actifs)
}
offers-count =
    { $count ->
        [0] Aucune offre
        [one] 1 offre
       *[other] { $count } offres
    }
offers-did-you-mean = Vouliez-vous dire
offers-did-you-mean-end = {" "}?
offers-sort-label = Trier les offres
offers-sort-relevance = Les plus pertinentes
offers-sort-recent = Les plus récentes
offers-empty-title = Aucune offre ne correspond à votre recherche
offers-empty-message = Essayez d'élargir votre recherche : retirez un filtre ou utilisez d'autres mots-clés. Vous pouvez aussi découvrir les ministères qui recrutent.
offers-empty-ministries = Découvrir les ministères
offers-feed-link = S'abonner au flux des offres (Atom)
filter-ministry = Ministère
filter-profession = Métier
filter-contract = Type de contrat
filter-category = Catégorie
filter-region = Région
filter-remote = Télétravail
filter-experience = Expérience
filter-all-ministries = Tous les ministères
filter-all-professions = Tous les métiers
filter-all-contracts = Tous les contrats
filter-all-categories = Toutes les catégories
filter-all-regions = Toutes les régions
filter-all-remote = Toutes les modalités
filter-all-experience = Tous les niveaux
filter-quick-legend = Filtres rapides
filter-junior = Ouvert aux débutant·es
filter-distanciel = Télétravail possible
filter-submit = Appliquer les filtres
filter-reset = Réinitialiser les filtres

## Offre

offer-published-on = Publiée le { $date }
offer-expires-on = jusqu'au { $date }
offer-expires-soon = Clôture proche
offer-filled-badge = Offre pourvue
offer-filled-title = Cette offre a été pourvue.
offer-filled-message = Le poste n'est plus ouvert aux candidatures ; la page reste en ligne pour information.
offer-filled-link = Voir les offres ouvertes
offer-facts-heading = Informations clés
offer-fact-location = Lieu
offer-fact-experience = Expérience
offer-fact-salary = Rémunération
offer-fact-start = Prise de poste
offer-fact-published = Publication
offer-published-on-approval = À sa validation
offer-fact-expires = Date limite de candidature
offer-experience-any = Aucune expérience minimale demandée
offer-experience-years =
    { $years ->
        [0] Ouvert aux débutant·es
        [one] 1 an d'expérience minimum
       *[other] { $years } ans d'expérience minimum
    }
offer-salary-range = De { $min }{"\u00A0"}€ à { $max }{"\u00A0"}€ bruts par an
offer-salary-from = À partir de { $min }{"\u00A0"}€ bruts par an
offer-salary-up-to = Jusqu'à { $max }{"\u00A0"}€ bruts par an
offer-domains-heading = Domaines
offer-video-link = Voir la vidéo de présentation
offer-apply-heading = Postuler
offer-apply-jump = Comment postuler
offer-apply-button = Postuler
offer-apply-on-site-text = Envoyez votre candidature en ligne : CV et quelques mots sur votre motivation.
offer-apply-external-text = La candidature se fait sur le site du recruteur.
offer-apply-email-text = Envoyez votre CV et quelques mots sur votre motivation par courriel :
offer-apply-email-subject = Candidature : { $title }
offer-apply-filled = Cette offre a été pourvue : il n'est plus possible d'y candidater.
offer-contact-heading = Une question sur le poste ?
offer-contact-text = Contactez la personne en charge du recrutement :
offer-contact-subject = Question sur l'offre : { $title }
offer-ministry-heading = Le recruteur
offer-source-import = Offre importée de { $name }.
offer-source-link = Voir l'offre d'origine sur { $name }
offer-back-to-list = Retour aux offres
offer-related-heading = Offres similaires
offer-gone-heading = Cette offre n'est plus disponible
offer-gone-message = La date limite de candidature est passée ou l'offre a été retirée par le recruteur. D'autres postes vous attendent !
offer-gone-all-offers = Voir toutes les offres
offer-gone-ministry-offers = Offres { $of }
offer-gone-ministry-page = Découvrir le ministère
offer-similar-heading = Ces offres pourraient vous intéresser

## Codes : types de contrat

contract-titulaire_contractuel = Titulaire ou contractuel·le
contract-contractuel = Contractuel·le
contract-freelance = Freelance
contract-alternance = Alternance
contract-stage = Stage
contract-vie = Volontariat international (VIE)

## Codes : métiers

profession-architecture = Architecture
profession-developpement = Développement
profession-donnees = Données
profession-gestion = Gestion et pilotage
profession-infrastructure = Infrastructure et exploitation
profession-projet_produit = Projet et produit
profession-design = Design et expérience utilisateur
profession-securite = Sécurité
profession-cloud = Cloud
profession-support = Support et assistance
profession-autre = Autres métiers

## Codes : télétravail

remote-total = Télétravail complet
remote-partiel = Télétravail partiel
remote-aucun = Sur site

## Codes : expérience

experience-debutant = Débutant·e (jusqu'à 2 ans)
experience-confirme = Confirmé·e (jusqu'à 5 ans)
experience-expert = Expert·e (toute expérience)

## Codes : catégories de la fonction publique

category-A = Catégorie A
category-B = Catégorie B
category-C = Catégorie C

## Codes : rubriques d'une offre

offer-section-context = Contexte
offer-section-mission = Mission
offer-section-tasks = Activités principales
offer-section-team = L'équipe
offer-section-perks = Avantages
offer-section-particularities = Spécificités du poste
offer-section-profile = Profil recherché
offer-section-recruitment_process = Processus de recrutement

## Codes : rubriques d'un ministère

ministry-section-values = Nos valeurs
ministry-section-challenges = Nos enjeux
ministry-section-mission = Notre mission
ministry-section-projects = Nos projets
ministry-section-organisation = Notre organisation
ministry-section-key_figures = Chiffres clés
ministry-section-skills_sought = Compétences recherchées
ministry-section-recruitment_process = Processus de recrutement
ministry-section-working_with_us = Travailler avec nous

## Ministères

ministries-heading = Les ministères qui recrutent
ministries-intro = Découvrez les ministères et services de l'État qui recrutent dans le numérique : leurs missions, leurs projets, leurs équipes et leurs offres.
ministries-list-heading = Liste des ministères
ministries-empty = Aucun ministère n'est encore présenté.
ministry-offer-count =
    { $count ->
        [0] Aucune offre en ce moment
        [one] 1 offre
       *[other] { $count } offres
    }
ministry-website = Site { $of }
ministry-presentation-heading = Présentation
ministry-offers-heading = Ses offres d'emploi
ministry-see-all-offers =
    { $count ->
        [0] Voir les offres
        [one] Voir l'offre
       *[other] Voir les { $count } offres
    }
ministry-no-offers = Ce ministère n'a pas d'offre ouverte en ce moment.
ministry-feed-link = S'abonner aux offres { $of } (Atom)
ministry-stories-heading = Ses équipes témoignent

## Thème Vitrine

vitrine-kicker = Rejoignez nos équipes numériques
vitrine-figures-heading = En chiffres
vitrine-figure-offers =
    { $count ->
        [0] offre ouverte
        [one] offre ouverte
       *[other] offres ouvertes
    }
vitrine-figure-stories =
    { $count ->
        [0] témoignage
        [one] témoignage
       *[other] témoignages
    }

## Témoignages

stories-heading = Témoignages
stories-intro = Développeur·ses, data scientists, designers, chef·fes de produit, expert·es sécurité : les agent·es du numérique de l'État racontent leur quotidien.
stories-list-heading = Tous les témoignages
stories-empty = Aucun témoignage n'est encore publié.
story-published-on = Publié le { $date }
story-body-heading = Son témoignage
story-video-link = Voir la vidéo du témoignage
story-ministry-offers-heading = Travailler { $at }
story-ministry-offers-text = Envie de rejoindre cette équipe ? Consultez ses offres ouvertes.
story-ministry-offers-button = Voir ses offres
story-more-heading = D'autres témoignages

## Erreurs

error-code = Erreur { $status }
error-help-client = Si vous avez saisi l'adresse dans le navigateur, vérifiez qu'elle est correcte. Vous pouvez aussi repartir de la page d'accueil ou de la liste des offres.
error-help-server = Essayez de rafraîchir la page ou revenez dans quelques instants. Si le problème persiste, écrivez-nous en précisant l'adresse de la page.
error-home-button = Page d'accueil
error-contact-button = Nous contacter
error-400-title = Requête invalide
error-400-message = La demande envoyée au serveur est incomplète ou mal formée.
error-403-title = Accès refusé
error-403-message = Vous n'avez pas les droits nécessaires pour accéder à cette page.
error-404-title = Page non trouvée
error-404-message = La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.
error-410-title = Contenu retiré
error-410-message = Ce contenu n'est plus disponible : il a expiré ou a été archivé.
error-413-title = Envoi trop volumineux
error-413-message = Ce que vous avez envoyé dépasse la taille acceptée. Raccourcissez vos textes ou choisissez un fichier plus léger, puis réessayez.
error-429-title = Trop de requêtes
error-429-message = Vous avez effectué trop de requêtes en peu de temps. Merci de patienter quelques instants.
error-500-title = Erreur inattendue
error-500-message = Désolé, le service rencontre un problème, nous travaillons pour le résoudre le plus rapidement possible.
error-503-title = Service indisponible
error-503-message = Le service est momentanément indisponible, pour maintenance ou en raison d'une forte affluence.

## Déclaration d'accessibilité

a11y-heading = Déclaration d'accessibilité
a11y-lead = La Direction interministérielle du numérique (DINUM) s'engage à rendre ses sites internet accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.
a11y-scope = Cette déclaration d'accessibilité s'applique au site { -brand } (metiers.numerique.gouv.fr).
a11y-status-heading = État de conformité
a11y-status-text = Le site { -brand } est partiellement conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1, en raison des non-conformités énumérées ci-dessous.
a11y-audit-text = Un audit de conformité complet par un organisme indépendant est prévu. Dans l'attente de ses résultats, le site est construit avec le Système de design de l'État (DSFR) et chacune de ses pages est vérifiée automatiquement, en thème clair et en thème sombre.
a11y-results-heading = Résultats des tests
a11y-results-text = Le taux de conformité aux critères du RGAA sera publié à l'issue de l'audit. Les vérifications automatisées ne relèvent aucune erreur sur les pages types du site ; elles ne couvrent cependant pas l'ensemble des critères.
a11y-non-accessible-heading = Contenus non accessibles
a11y-non-compliant-intro = Les contenus suivants peuvent ne pas être accessibles :
a11y-non-compliant-1 = certaines vidéos de présentation, hébergées sur des plateformes tierces, peuvent ne pas disposer de sous-titres ou de transcription ;
a11y-non-compliant-2 = certains textes rédigés par les recruteurs peuvent présenter une structure de titres ou de listes imparfaite ;
a11y-non-compliant-3 = les offres importées de sites partenaires renvoient vers des pages de candidature dont l'accessibilité ne dépend pas de la DINUM.
a11y-exempt-text = Aucune dérogation pour charge disproportionnée n'est invoquée. Les contenus de sites tiers vers lesquels le site renvoie ne sont pas soumis à l'obligation d'accessibilité du présent site.
a11y-making-heading = Établissement de cette déclaration
a11y-making-text = Cette déclaration a été établie sur la base d'une auto-évaluation ; elle sera mise à jour à l'issue de l'audit.
a11y-tech = Technologies utilisées : HTML5, CSS, JavaScript (Système de design de l'État).
a11y-tools = Outils de vérification : axe-core, validateur HTML, inspection manuelle de la navigation au clavier.
a11y-env = Environnements de test : navigateurs Firefox et Chromium, lecteurs d'écran NVDA et VoiceOver.
a11y-feedback-heading = Retour d'information et contact
a11y-feedback-text = Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez nous contacter pour être orienté·e vers une alternative accessible ou obtenir le contenu sous une autre forme :
a11y-feedback-delay = Nous nous efforçons de répondre dans un délai de deux semaines.
a11y-recourse-heading = Voies de recours
a11y-recourse-text = Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service du site et que vous n'avez pas obtenu de réponse satisfaisante, vous êtes en droit de saisir le Défenseur des droits.
a11y-recourse-means = Plusieurs moyens sont à votre disposition :
a11y-recourse-form = Écrire un message au Défenseur des droits (formulaire en ligne)
a11y-recourse-delegate = Contacter le délégué ou la déléguée du Défenseur des droits dans votre région
a11y-recourse-mail = Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.

## Mentions légales

legal-heading = Mentions légales
legal-publisher-heading = Éditeur du site
legal-publisher-text = Le site { -brand } est édité par la Direction interministérielle du numérique (DINUM), service du Premier ministre.
legal-publisher-address = Adresse : DINUM, 20 avenue de Ségur, 75007 Paris. Contact :
legal-director-heading = Directeur ou directrice de la publication
legal-director-text = La directrice ou le directeur de la publication est la directrice ou le directeur interministériel du numérique.
legal-hosting-heading = Hébergement
legal-hosting-text = Le site et ses données sont hébergés en France, au sein de l'Union européenne. Le nom et les coordonnées de l'hébergeur de l'instance en production sont communiqués sur simple demande à l'adresse de contact ci-dessus.
legal-content-heading = Contenus publiés
legal-content-text = Les offres d'emploi et les témoignages sont rédigés et publiés par les ministères et services recruteurs, sous leur responsabilité, après relecture par l'équipe de la DINUM.
legal-licence-heading = Licence et réutilisation
legal-licence-text = Sauf mention contraire, les contenus de ce site sont proposés sous la Licence Ouverte version 2.0 (etalab-2.0) : vous pouvez les réutiliser librement, y compris à des fins commerciales, en citant leur source.
legal-licence-link = Lire la Licence Ouverte 2.0
legal-marks-text = La marque de l'État, le bloc Marianne et la police Marianne sont réservés aux sites de l'État et ne peuvent être réutilisés.
legal-source-text = Le code source du site est un logiciel libre publié sous licence MIT.
legal-links-heading = Liens vers d'autres sites
legal-links-text = Tout site public ou privé est autorisé à établir, sans autorisation préalable, un lien vers les pages de ce site. La DINUM n'est pas responsable du contenu des sites vers lesquels ce site renvoie, notamment des sites de candidature des recruteurs.
legal-a11y-heading = Accessibilité
legal-a11y-text = La conformité du site au référentiel général d'amélioration de l'accessibilité (RGAA) est détaillée dans la déclaration d'accessibilité.
legal-data-heading = Données personnelles
legal-data-text = Le traitement de vos données personnelles est décrit sur la page dédiée.
legal-security-heading = Sécurité
legal-security-text = Le site est protégé par un certificat électronique (HTTPS). Aucune information personnelle ne vous sera jamais demandée par courriel ou par téléphone au nom de { -brand } : en cas de doute, écrivez-nous.

## Données personnelles

privacy-heading = Données personnelles
privacy-lead = Consulter { -brand } ne nécessite aucune donnée personnelle. Cette page explique quelles données nous traitons lorsque vous choisissez de candidater, de rejoindre le vivier de talents ou de recevoir des alertes, et comment exercer vos droits.
privacy-controller-heading = Responsable de traitement
privacy-controller-text = Le responsable des traitements est la Direction interministérielle du numérique (DINUM), 20 avenue de Ségur, 75007 Paris. Pour les candidatures, le ministère recruteur est responsable du traitement de votre dossier une fois celui-ci transmis.
privacy-browsing-heading = Navigation sur le site
privacy-browsing-text = La simple consultation des offres, des pages ministères et des témoignages ne nécessite ni compte ni donnée personnelle.
privacy-stats-text = Nous mesurons la fréquentation du site de façon anonyme (nombre de consultations par page), sans cookie ni traceur tiers et sans conserver votre adresse IP dans les statistiques.
privacy-collected-heading = Données collectées
privacy-collected-intro = Selon les services que vous utilisez, nous collectons :
privacy-collected-apply = pour une candidature en ligne : vos nom et prénom, votre adresse électronique, votre CV et votre message, transmis au ministère qui publie l'offre ;
privacy-collected-talents = pour le vivier de talents : votre adresse électronique, vos nom et prénom, vos métiers et préférences de recherche, votre CV si vous le déposez ;
privacy-collected-alerts = pour les alertes : votre adresse électronique et les critères de recherche choisis ;
privacy-collected-staff = pour les agent·es des ministères qui publient des offres : les informations transmises par ProConnect (nom, adresse électronique professionnelle, administration).
privacy-basis-heading = Bases légales
privacy-basis-apply = Candidatures : exécution d'une mission d'intérêt public, le recrutement dans la fonction publique (article 6-1-e du RGPD).
privacy-basis-consent = Vivier de talents et alertes : votre consentement, confirmé par un lien envoyé par courriel et retirable à tout moment (article 6-1-a du RGPD).
privacy-basis-staff = Comptes des agent·es : exécution d'une mission d'intérêt public (article 6-1-e du RGPD).
privacy-retention-heading = Durées de conservation
privacy-retention-apply = Candidatures : { $years } ans au plus après leur envoi, avec le CV, sauf si vous demandez leur suppression plus tôt.
privacy-retention-talents = Vivier de talents : { $months } mois après votre dernière prolongation ; un courriel vous propose de prolonger un mois avant la suppression. Un profil dont l’adresse n’est pas confirmée dans les 7 jours est effacé.
privacy-retention-alerts = Alertes : jusqu'à votre désinscription, possible en un clic depuis chaque courriel.
privacy-retention-logs = Journaux techniques et de sécurité : un an au maximum.
privacy-recipients-heading = Destinataires
privacy-recipients-text = Vos données ne sont accessibles qu'aux personnes habilitées : l'équipe du ministère recruteur pour les candidatures à ses offres, et l'équipe de la DINUM qui administre le service. Elles ne sont jamais vendues ni cédées.
privacy-processors-text = Nos sous-traitants (hébergement et envoi des courriels) traitent les données pour notre compte, au sein de l'Union européenne, et sont tenus aux mêmes obligations de sécurité et de confidentialité.
privacy-rights-heading = Vos droits
privacy-rights-text = Conformément au règlement général sur la protection des données (RGPD) et à la loi Informatique et Libertés, vous disposez des droits suivants :
privacy-rights-access = droit d'accès à vos données ;
privacy-rights-rectify = droit de rectification ;
privacy-rights-erase = droit à l'effacement, y compris la suppression complète de votre candidature ou de votre profil ;
privacy-rights-object = droit d'opposition et droit à la limitation du traitement ;
privacy-rights-withdraw = droit de retirer votre consentement à tout moment pour le vivier de talents et les alertes.
privacy-rights-how = Pour exercer ces droits, écrivez-nous en précisant « Données personnelles » dans l'objet :
privacy-dpo-text = Vous pouvez aussi contacter la ou le délégué à la protection des données de la DINUM par courrier : DINUM, Délégué·e à la protection des données, 20 avenue de Ségur, 75007 Paris.
privacy-cnil-text = Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL.
privacy-cnil-link = Adresser une réclamation à la CNIL
privacy-cookies-heading = Cookies
privacy-cookies-text = Le site ne dépose aucun cookie de mesure d'audience ou de publicité : aucun bandeau de consentement n'est donc nécessaire. Votre choix de thème d'affichage (clair ou sombre) est enregistré dans votre navigateur uniquement.

## Plan du site

sitemap-heading = Plan du site
sitemap-lead = Toutes les pages publiques de { -brand }.
sitemap-main-heading = Rubriques
sitemap-info-heading = Informations
sitemap-lang-heading = Langues

## The application form (offers that take applications on the site)
apply-title = Candidater
apply-heading = Candidater : { $title }
apply-intro = Votre candidature est transmise au service qui recrute. Vous recevrez un courriel de confirmation.
apply-required-note = Sauf mention contraire, tous les champs sont obligatoires.
apply-identity = Vous
apply-application = Votre candidature
apply-field-first-name = Prénom
apply-field-last-name = Nom
apply-field-email = Adresse électronique
apply-hint-email = Format attendu : nom@domaine.fr. Vous y recevrez la confirmation et les réponses.
apply-field-phone = Téléphone (facultatif)
apply-hint-phone = Par exemple : 06 12 34 56 78
apply-field-cv = CV
apply-hint-cv = Un fichier PDF de { $max } Mo au plus.
apply-field-links = Liens vers votre profil (facultatif)
apply-hint-links = Portfolio, dépôt de code, profil professionnel : un lien par ligne, cinq au plus.
apply-field-message = Message (facultatif)
apply-hint-message = Quelques mots sur votre motivation, 5 000 caractères au plus.
apply-field-website = Ne pas remplir ce champ
apply-field-consent = J’accepte que ces informations et mon CV soient transmis au service qui recrute et conservés { $years } ans au plus.
apply-privacy = Vos données servent uniquement à traiter votre candidature et sont supprimées au bout de { $years } ans. Vous pouvez demander à les consulter ou à les effacer.
apply-privacy-link = Données personnelles
apply-submit = Envoyer ma candidature
apply-sent-title = Candidature envoyée
apply-sent-message = Merci ! Votre candidature a bien été transmise. Un courriel de confirmation vous a été envoyé.
apply-back-to-offer = Revenir à l’offre
apply-closed-title = Cette offre ne reçoit plus de candidatures
apply-closed-message = Elle a été pourvue, a expiré ou a été retirée entre-temps. Votre candidature n’a pas été enregistrée.

## Talent pool (/vivier)
nav-talents = Vivier de talents
talent-title = Rejoindre le vivier de talents
talent-intro = Laissez votre profil : les services numériques de l’État qui recrutent pourront vous proposer un poste. Votre adresse ne leur est communiquée que si vous répondez.
talent-profile = Votre profil
talent-choose = Choisissez
talent-field-professions = Vos métiers
talent-field-seniority = Votre expérience
talent-field-regions = Les régions où vous souhaitez travailler (facultatif)
talent-hint-regions = Ne cochez rien si toutes vous conviennent.
talent-field-available-from = Disponible à partir du (facultatif)
talent-hint-available-from = Au format JJ/MM/AAAA ; laissez vide si vous êtes disponible dès maintenant.
talent-field-summary = Présentation (facultatif)
talent-hint-summary = Ce que vous savez faire et ce que vous cherchez, 2 000 caractères au plus. Les recruteurs y cherchent par mots-clés.
talent-field-cv = CV (facultatif)
talent-field-hidden-from = Ministères qui ne doivent pas voir votre profil (facultatif)
talent-hint-hidden-from = Votre employeur actuel, par exemple : les ministères cochés ne vous trouveront nulle part.
talent-hint-email = Format attendu : nom@domaine.fr. Vous y recevrez un lien pour confirmer votre adresse, puis pour gérer votre profil.
talent-field-consent = J’accepte que mon profil soit visible des recruteurs des ministères et conservé { $months } mois, sauf si je le prolonge.
talent-privacy = Votre profil sert uniquement à vous proposer des postes. Il est supprimé au bout de { $months } mois sans prolongation ; un courriel vous prévient un mois avant. Vous pouvez le modifier ou le supprimer à tout moment.
talent-submit = Rejoindre le vivier
talent-sent-title = Confirmez votre adresse
talent-sent-text = Un courriel vient de vous être envoyé. Suivez le lien qu’il contient dans les 7 jours pour que votre profil rejoigne le vivier.
talent-confirm-title = Confirmer votre adresse
talent-confirm-text = Confirmez votre adresse pour que votre profil rejoigne le vivier de talents.
talent-confirm-button = Confirmer mon adresse
talent-expired-title = Ce lien a expiré
talent-expired-text = Ce lien n’était valable que 7 jours. Votre profil n’a pas été conservé : vous pouvez le déposer à nouveau.
talent-join-again = Déposer à nouveau mon profil
talent-already-title = Adresse déjà confirmée
talent-already-text = Ce lien a déjà servi : votre profil est dans le vivier. Le lien de gestion de votre profil figure dans chacun de nos courriels.
talent-manage-title = Votre profil dans le vivier de talents
talent-manage-intro = Profil de { $email }, visible des recruteurs jusqu’au { $date }.
talent-manage-form = Modifier mon profil
talent-renew = Prolonger mon profil de { $months } mois
talent-field-remove-cv = Supprimer mon CV ({ $kb } ko)
talent-save = Enregistrer mon profil
talent-delete-title = Supprimer mon profil
talent-delete-text = Votre profil, votre CV et la liste des ministères qui vous ont écrit sont effacés aussitôt, sans retour possible.
talent-delete-button = Supprimer définitivement mon profil
talent-deleted-title = Profil supprimé
talent-deleted-text = Votre profil et votre CV ont été effacés. Vous pouvez rejoindre le vivier à nouveau quand vous le souhaitez.
talent-done-confirmed = Votre adresse est confirmée : votre profil a rejoint le vivier de talents.
talent-done-saved = Votre profil est enregistré.
talent-done-renewed = Votre profil est prolongé.

## Job alerts (/alertes)
offers-alert-link = Recevoir ces offres par courriel
alert-title = Recevoir ces offres par courriel
alert-intro = Recevez par courriel les nouvelles offres qui correspondent à votre recherche, chaque jour ou chaque semaine. Un lien dans chaque courriel vous désabonne en un clic.
alert-search = Votre recherche :
alert-search-everything = toutes les offres
alert-see-offers = voir les offres
alert-hint-email = Format attendu : nom@domaine.fr. Vous y recevrez un lien pour confirmer votre adresse. { $max } alertes au plus par adresse.
alert-field-frequency = Fréquence
alert-frequency-daily = Chaque jour
alert-frequency-weekly = Chaque semaine
alert-field-consent = J’accepte de recevoir ces courriels jusqu’à ce que je me désabonne.
alert-privacy = Nous ne conservons que votre adresse, votre recherche et la liste des offres déjà envoyées, jusqu’à votre désabonnement. Une alerte non confirmée sous 7 jours est effacée.
alert-submit = Créer mon alerte
alert-sent-title = Confirmez votre adresse
alert-sent-text = Un courriel vient de vous être envoyé. Suivez le lien qu’il contient dans les 7 jours pour recevoir vos premières offres.
alert-back-to-offers = Revenir aux offres
alert-confirm-title = Confirmer votre alerte
alert-confirm-text = Confirmez votre adresse pour recevoir les nouvelles offres de cette recherche.
alert-confirm-button = Confirmer mon alerte
alert-confirmed-title = Alerte confirmée
alert-confirmed-text = Vous recevrez les nouvelles offres de cette recherche. Chaque courriel contient un lien pour vous désabonner.
alert-expired-title = Ce lien a expiré
alert-expired-text = Ce lien n’était valable que 7 jours. Créez l’alerte à nouveau depuis la liste des offres.
alert-already-title = Alerte déjà confirmée
alert-already-text = Ce lien a déjà servi : votre alerte est active.
alert-unsubscribe-title = Se désabonner
alert-unsubscribe-text = Vous ne recevrez plus les offres de cette alerte.
alert-unsubscribe-button = Me désabonner
alert-unsubscribed-title = Vous êtes désabonné·e
alert-unsubscribed-text = Cette alerte est supprimée, avec votre adresse si vous n’en aviez pas d’autre.
alert-gone-title = Cette alerte n’existe plus
alert-gone-text = Elle a déjà été supprimée, ou le lien est incomplet.

## Personal data requests (/donnees-personnelles/demande)
privacy-rights-online = Pour recevoir tout ce que nous conservons sur votre adresse, ou pour tout effacer (candidatures et CV, profil du vivier, alertes, courriels), faites-en la demande en ligne : un lien de confirmation est envoyé à l’adresse concernée.
privacy-rights-online-link = Demander mes données ou leur effacement
rights-title = Vos données personnelles
rights-intro = Recevez tout ce que Métiers du Numérique conserve sur votre adresse, ou effacez-le. Pour que vous seul·e puissiez le faire, la demande est confirmée par un lien envoyé à cette adresse.
rights-hint-email = L’adresse utilisée pour candidater, rejoindre le vivier ou créer des alertes.
rights-field-kind = Votre demande
rights-kind-export = Recevoir mes données par courriel (fichier JSON)
rights-kind-erase = Effacer toutes mes données
rights-submit = Envoyer ma demande
rights-sent-title = Confirmez votre demande
rights-sent-text = Si cette adresse est valide, un courriel vient de lui être envoyé. Suivez le lien qu’il contient dans les 7 jours.
rights-confirm-export-title = Recevoir vos données
rights-confirm-export-text = Confirmez pour recevoir par courriel, dans un fichier JSON, tout ce que nous conservons sur votre adresse.
rights-confirm-export-button = M’envoyer mes données
rights-confirm-erase-title = Effacer vos données
rights-confirm-erase-text = Vos candidatures et leurs CV, votre profil du vivier, vos alertes et nos courriels à votre adresse seront effacés aussitôt, sans retour possible. Les recruteurs ne verront plus vos candidatures.
rights-confirm-erase-button = Effacer définitivement mes données
rights-sent-export-title = Vos données sont parties
rights-sent-export-text = Le courriel et son fichier joint arrivent à votre adresse dans quelques minutes.
rights-erased-title = Vos données sont effacées
rights-erased-text = Nous ne conservons plus rien sur votre adresse.
rights-expired-title = Ce lien a expiré
rights-expired-text = Ce lien n’était valable que 7 jours. Faites une nouvelle demande depuis la page Données personnelles.
rights-already-title = Demande déjà traitée
rights-already-text = Ce lien a déjà servi.

## Statistics: the public impact page (/statistiques), shared with the back-office page and the exports
footer-statistics = Statistiques
footer-api = API
page-statistics-title = Statistiques { $year } : nos objectifs et nos résultats
page-statistics-description = Les objectifs annuels de Métiers du Numérique et leur avancement, mois par mois : offres publiées, candidatures, recrutements et visites.
stats-public-lead = Comme chaque service numérique de l’État, Métiers du Numérique publie ses objectifs et ses résultats. Les chiffres sont calculés à partir des faits : une candidature retenue est un recrutement, un profil confirmé est un talent.
stats-public-goals-note = Les recrutements comptés sont ceux faits à partir d’une candidature déposée sur le site.
stats-public-threshold = Par ministère, un chiffre inférieur à { $threshold } n’est pas affiché.
stats-method-heading = Comment nous mesurons
stats-method-text = Le serveur compte lui-même les pages vues, les clics sur « Postuler », les candidatures, les recrutements et les inscriptions, par jour. Aucun cookie, aucune adresse IP, aucune empreinte de navigateur n’est conservé.
stats-method-privacy = Si votre navigateur demande à ne pas être suivi (« Do Not Track » ou « Global Privacy Control »), votre visite n’est pas comptée. Les robots ne le sont pas non plus.
stats-goals-heading = Objectifs de l’année
stats-monthly-heading = Mois par mois
stats-table-ministries = Par ministère
stats-no-ministries = Aucun ministère n’a encore de chiffres cette année.
stats-goal-recruitments = Recrutements
stats-goal-talents = Talents inscrits au vivier
stats-goal-applications = Candidatures
stats-goal-progress = { $achieved } sur un objectif de { $target } ({ $percent } %)
stats-goal-no-target = { $achieved }, sans objectif fixé
stats-series-offers_published = Offres publiées
stats-series-page_views = Pages vues
stats-series-offer_views = Vues des offres
stats-series-ministry_views = Vues des pages ministères
stats-series-apply_clicks = Clics sur « Postuler »
stats-series-applications = Candidatures
stats-series-hires = Recrutements
stats-series-talents = Talents inscrits
stats-series-alerts = Alertes créées
stats-chart-title = { $series } par mois en { $year }
stats-chart-description = { $total } au total ; le mois le plus haut est { $month } ({ $most }).
stats-col-month = Mois
stats-total = Total
stats-below-threshold = moins de 5
stats-month-1 = janvier
stats-month-2 = février
stats-month-3 = mars
stats-month-4 = avril
stats-month-5 = mai
stats-month-6 = juin
stats-month-7 = juillet
stats-month-8 = août
stats-month-9 = septembre
stats-month-10 = octobre
stats-month-11 = novembre
stats-month-12 = décembre
stats-month-short-1 = janv.
stats-month-short-2 = févr.
stats-month-short-3 = mars
stats-month-short-4 = avr.
stats-month-short-5 = mai
stats-month-short-6 = juin
stats-month-short-7 = juil.
stats-month-short-8 = août
stats-month-short-9 = sept.
stats-month-short-10 = oct.
stats-month-short-11 = nov.
stats-month-short-12 = déc.
stats-table-goals = Objectifs
stats-table-monthly = Mensuel
stats-table-top-offers = Offres les plus vues
stats-table-summary = Conversion et délais
stats-col-indicator = Indicateur
stats-col-target = Objectif
stats-col-achieved = Réalisé
stats-col-percent = Avancement (%)
stats-col-offer = Offre
stats-col-ministry = Ministère
stats-col-value = Valeur
stats-col-table = Tableau
stats-col-row = Ligne
stats-applications-per-100-views = Candidatures pour 100 vues d’offre
stats-hires-per-100-applications = Recrutements pour 100 candidatures
stats-median-first-application = Délai médian jusqu’à la première candidature (jours)
stats-median-hire = Délai médian jusqu’au recrutement (jours)
stats-offers-expired = Offres arrivées à échéance
stats-expired-without-application = … dont sans aucune candidature
stats-expired-share = Part des offres échues sans candidature (%)
stats-sheet-chart = Graphique
error-argument-year = Il n’y a pas de chiffres pour cette année : choisissez une année proposée dans la liste.
error-argument-ministry = Aucun ministère ne porte ce nom : choisissez-en un dans la liste.
error-argument-format = Les chiffres se téléchargent en CSV, XLSX ou JSON.

## The JSON API's problems (`web::api::problem`) and documentation page (`/api/docs`)
api-problem-invalid = Certains champs sont refusés
api-problem-bad_request = Requête illisible
api-problem-unauthorized = Jeton d’API manquant, inconnu, expiré ou révoqué
api-problem-forbidden = Ce jeton n’a pas le droit de faire cela
api-problem-not_found = Introuvable
api-problem-gone = Cette offre n’est plus en ligne
api-problem-too_large = Requête trop volumineuse
api-problem-too_many_requests = Trop de requêtes : réessayez après le délai indiqué par Retry-After
api-problem-unsupported_media_type = Le corps doit être du JSON (application/json)
api-problem-method_not_allowed = Méthode non acceptée à cette adresse
api-problem-internal = Erreur inattendue, enregistrée dans le journal du service
api-problem-unavailable = Service momentanément indisponible
api-problem-argument = Valeur inconnue
api-field-unreadable = Cette valeur n’a pas le type ou le format attendu (voir la documentation de l’API).
api-docs-title = Documentation de l’API
api-docs-description = L’API JSON de Métiers du Numérique : les offres, ministères et témoignages publics, et l’intégration des systèmes des ministères.
api-docs-lead = Les offres en ligne, les ministères, les témoignages et les chiffres de l’année se lisent sans jeton. Les systèmes d’un ministère (SIRH, Place de l’emploi public) publient ses offres et suivent ses candidatures avec un jeton d’API.
api-docs-base = Adresse de base :
api-docs-contract = Contrat :
api-docs-version = version
api-docs-start-heading = Premiers pas
api-docs-start-public = Chercher des offres, sans jeton :
api-docs-start-token = Publier ou mettre à jour une offre, avec un jeton qu’un gestionnaire du ministère crée dans l’espace recruteurs (Jetons d’API) : la référence est celle de votre système, et renvoyer la même offre ne change rien.
api-docs-start-moderation = L’offre attend la validation de la DINUM (statut « pending_review »), sauf pour un ministère de confiance ; une fois validée, elle apparaît sur le portail et dans /api/v1/offers. La modification d’une offre en ligne attend aussi la validation, pendant que la version en ligne reste affichée.
api-docs-errors = Les erreurs sont au format application/problem+json (RFC 9457) : un code stable, le statut HTTP, un titre en français et en anglais, et pour chaque champ refusé son nom, son code et un message.
api-docs-limits = Chaque adresse et chaque jeton peuvent faire un nombre limité de requêtes par minute : au-delà, la réponse est 429 avec l’en-tête Retry-After. Les réponses publiques portent un ETag (If-None-Match donne 304) et Cache-Control, et se lisent depuis tout site (CORS).
api-docs-english-note = Les descriptions des opérations et des objets ci-dessous viennent du contrat OpenAPI, rédigé en anglais.
api-docs-public-heading = API publique
api-docs-integration-heading = API d’intégration
api-docs-schemas-heading = Objets
api-docs-token-needed = Demande un jeton d’API du ministère (Authorization: Bearer).
api-docs-parameters-of = Paramètres de { $operation }
api-docs-properties-of = Propriétés de { $schema }
api-docs-body = Corps de la requête (JSON) :
api-docs-answers = Réponses
api-docs-required = obligatoire
api-docs-in-query = dans l’adresse
api-docs-in-path = dans le chemin
api-docs-in-header = en-tête
