## Back-office: login and dashboard

login-title = Espace recruteurs
login-description = Connexion des agents des ministères qui publient des offres et des témoignages.
login-lead = Les agents des ministères se connectent ici pour publier leurs offres et les témoignages de leurs équipes.
login-proconnect-heading = Agents publics
login-proconnect-with = S’identifier avec
login-demo-heading = Comptes de démonstration
login-demo-lead = Ce site de démonstration propose des comptes fictifs pour découvrir l’espace recruteurs.
login-demo-as = Se connecter : { $label }
login-demo-admin = administrateur·rice DINUM
login-demo-manager = responsable { $ministry }
login-demo-editor = rédacteur·rice { $ministry }
login-no-access-heading = Pas encore d’accès ?
login-no-access-text = L’accès est ouvert sur invitation d’un·e responsable de votre ministère ou de la DINUM. Écrivez à contact@metiers.numerique.gouv.fr.
admin-dashboard-title = Tableau de bord
admin-welcome = Bonjour { $name }.
admin-signed-in-as = Connecté·e avec { $email }.
admin-my-ministries = Mes ministères
admin-ministry = Ministère
admin-role = Rôle
admin-role-admin = administrateur·rice DINUM
admin-role-manager = responsable
admin-role-editor = rédacteur·rice
admin-no-ministry = Vous n’êtes membre d’aucun ministère pour l’instant.
logout = Se déconnecter
login-proconnect-what = Qu’est-ce que ProConnect ?
login-proconnect-off = La connexion avec ProConnect n’est pas configurée sur ce site.
login-failed-title = Connexion impossible
login-failed-retry = Réessayer
login-failed-cancelled = Vous avez annulé la connexion avec ProConnect. Vous pouvez réessayer quand vous le souhaitez.
login-failed-state = Cette tentative de connexion a expiré ou a déjà servi. Recommencez depuis la page de connexion.
login-failed-provider-down = ProConnect ne répond pas pour le moment. Réessayez dans quelques minutes.
login-failed-refused = La réponse de ProConnect n’a pas pu être vérifiée. Recommencez la connexion ; si le problème persiste, écrivez à contact@metiers.numerique.gouv.fr.
login-failed-no-access = Votre compte n’a pas encore accès à l’espace recruteurs. L’accès se fait sur invitation d’un·e responsable de votre ministère ou de la DINUM : écrivez à contact@metiers.numerique.gouv.fr.
login-failed-logout-state = La déconnexion n’a pas pu être confirmée. Votre session sur ce site est bien fermée.
admin-journal-title = Journal des modifications
admin-journal-lead = Qui a changé quoi, et quand : les 200 dernières opérations, avec l’état avant et après.
admin-journal-when = Date
admin-journal-who = Auteur·rice
admin-journal-what = Action
admin-journal-on = Objet
admin-journal-change = Avant / après
admin-journal-before = Avant :
admin-journal-after = Après :
admin-journal-system = ligne de commande ou tâche
admin-journal-empty = Le journal est vide.

## Back-office : gabarit, listes et formulaires
## Familles de clés construites dans les gabarits : admin-nav-*, admin-notice-*, admin-status-*, admin-role-*.

admin-menu = Menu de l’espace recruteurs
admin-nav-dashboard = Tableau de bord
admin-nav-offers = Offres
admin-nav-stories = Témoignages
admin-nav-ministry = Ministère
admin-nav-members = Membres
admin-nav-ministries = Ministères
admin-nav-journal = Journal
admin-switch-label = Ministère sur lequel travailler
admin-list-everywhere = Tous les ministères. Ouvrez un élément pour travailler dans son ministère.
admin-open-in-ministry = Ouvrir
admin-switch-none = Aucun ministère choisi
admin-switch-submit = Changer de ministère
admin-current-ministry = Ministère en cours : { $name }

admin-notice-saved = Les modifications ont été enregistrées.
admin-notice-created = La création a été enregistrée.
admin-notice-duplicated = La copie a été créée.
admin-notice-archived = L’archivage a été effectué : le contenu n’est plus visible sur le site.
admin-notice-invited = L’invitation a été envoyée.
admin-notice-resent = L’invitation a été renvoyée.
admin-notice-revoked = L’invitation a été annulée.
admin-notice-removed = La personne a été retirée du ministère.
admin-notice-role-changed = Le rôle a été modifié.
admin-notice-switched = Vous travaillez maintenant sur un autre ministère.

admin-status = Statut
admin-status-draft = Brouillon
admin-status-pending_review = En attente de relecture
admin-status-changes_requested = Modifications demandées
admin-status-published = En ligne
admin-status-rejected = Publication refusée
admin-status-filled = Poste pourvu
admin-status-expired = Date limite passée
admin-status-archived = Archivé

admin-waiting = À traiter
admin-counts-caption = Offres et témoignages du ministère, par statut

admin-required = (obligatoire)
admin-form-has-errors = Le formulaire contient des erreurs
admin-markdown-hint = Mise en forme Markdown : **gras**, *italique*, listes en commençant les lignes par « - », liens sous la forme [texte](https://exemple.fr).
admin-select-choose = Sélectionner une option
admin-select-none = Non précisé
admin-save = Enregistrer
admin-preview = Prévisualiser
admin-preview-heading = Aperçu
admin-other-actions = Autres actions
admin-duplicate = Dupliquer
admin-archive = Archiver
admin-archived = Archivé
admin-trusted = De confiance
admin-actions = Actions
admin-view-online = Voir en ligne
admin-public-page = Page publique
admin-updated-at = Dernière modification
admin-expires-at = Date limite
admin-filter-status = Statut
admin-filter-all-statuses = Tous les statuts
admin-search = Rechercher
admin-filter-submit = Filtrer

admin-legend-job = Poste
admin-legend-place = Lieu
admin-legend-apply = Candidature
admin-legend-description = Description
admin-legend-person = Personne
admin-legend-story = Témoignage
admin-legend-identity = Identité
admin-legend-appearance = Site et apparence
admin-legend-access = Accès des agent·es

admin-field-title = Intitulé du poste
admin-field-slug = Adresse de la page (slug)
admin-hint-slug-offer = Laissez vide pour la déduire de l’intitulé. Lettres minuscules, chiffres et tirets.
admin-hint-slug-story = Laissez vide pour la déduire du nom de la personne. Lettres minuscules, chiffres et tirets.
admin-hint-slug-ministry = Lettres minuscules, chiffres et tirets, par exemple « culture ». Elle ne peut plus être modifiée après la création.
admin-field-structure = Service ou structure
admin-field-contract-types = Types de contrat
admin-field-category = Catégorie de la fonction publique
admin-field-profession = Métier
admin-field-experience = Expérience minimale demandée
admin-hint-experience = En années ; 0 si le poste est ouvert aux débutant·es.
admin-field-remote = Télétravail
admin-field-salary-min = Salaire minimum
admin-field-salary-max = Salaire maximum
admin-hint-salary = En euros bruts par an, par exemple 45000.
admin-field-start-on = Date de prise de poste
admin-field-domains = Domaines
admin-hint-domains = Mots-clés séparés par des virgules, par exemple : IA, données ouvertes.
admin-field-street = Adresse
admin-field-postal-code = Code postal
admin-field-city = Ville
admin-field-expires-at = Date limite de candidature
admin-hint-expires-at = L’offre n’est plus publiée après cette date.
admin-field-apply-mode = Mode de candidature
admin-field-apply-url = Adresse du site de candidature
admin-hint-apply-url = Si la candidature se fait sur un site externe, par exemple https://www.exemple.fr/candidature
admin-field-apply-emails = Adresses électroniques de candidature
admin-hint-apply-emails = Une adresse par ligne, si la candidature se fait par courriel.
admin-field-contact-name = Nom de la personne à contacter
admin-field-contact-email = Adresse électronique de la personne à contacter
admin-hint-email = Format attendu : nom@domaine.fr
admin-field-video-url = Adresse d’une vidéo
admin-hint-video-url = Lien vers une vidéo de présentation, par exemple https://www.exemple.fr/video
admin-field-person-name = Prénom et nom
admin-field-role = Poste occupé
admin-hint-role = Par exemple : développeur·se back-end.
admin-field-excerpt = Accroche
admin-hint-excerpt = Une ou deux phrases, affichées dans les listes de témoignages.
admin-field-body = Témoignage
admin-field-name = Nom
admin-field-acronym = Sigle
admin-field-short-name = Nom d’usage, avec son article
admin-hint-short-name = Tel qu’une phrase l’emploie : « la DGFiP », « l’ANSSI », « le ministère de l’Intérieur ». Le portail écrit ainsi « Offres de la DGFiP ». Vide : déduit du nom.
admin-field-trusted = Ministère de confiance
admin-hint-trusted = Ses offres et témoignages sont publiés sans relecture par la DINUM.
admin-field-website = Site internet
admin-hint-url = Adresse complète, par exemple https://www.exemple.gouv.fr
admin-field-accent-color = Couleur d’accentuation
admin-hint-accent-color = Code couleur hexadécimal, par exemple #000091.
admin-field-theme = Thème de la page du ministère
admin-field-sirets = Numéros SIRET
admin-hint-sirets = Un numéro SIRET (14 chiffres) par ligne. Les agent·es dont le SIRET figure dans cette liste peuvent demander à rejoindre le ministère.
admin-field-presentation = Présentation
admin-field-email = Adresse électronique
admin-hint-invite-email = Format attendu : nom@domaine.gouv.fr. C’est l’adresse avec laquelle la personne se connectera avec ProConnect.

## Libellés des modes de candidature (pour les listes d’options remplies côté Rust)

admin-apply-mode-on_site = Sur ce site (formulaire de candidature)
admin-apply-mode-external = Sur un site externe
admin-apply-mode-email = Par courriel

## Offres et témoignages

admin-offers-title = Offres d’emploi
admin-offer-new = Nouvelle offre
admin-offer-edit = Modifier l’offre
admin-offers-count =
    { $count ->
        [0] Aucune offre
        [one] 1 offre
       *[other] { $count } offres
    }
admin-offers-empty = Aucune offre à afficher.
admin-stories-title = Témoignages
admin-story-new = Nouveau témoignage
admin-story-edit = Modifier le témoignage
admin-stories-count =
    { $count ->
        [0] Aucun témoignage
        [one] 1 témoignage
       *[other] { $count } témoignages
    }
admin-stories-empty = Aucun témoignage à afficher.

## Ministères

admin-ministries-title = Ministères
admin-ministry-new = Nouveau ministère
admin-ministry-settings = Paramètres du ministère
admin-ministry-archive = Archiver le ministère
admin-ministry-members = Membres
admin-ministry-offers = Offres
admin-ministries-count =
    { $count ->
        [0] Aucun ministère
        [one] 1 ministère
       *[other] { $count } ministères
    }
admin-ministries-empty = Aucun ministère pour l’instant.

## Membres et invitations

admin-members-title = Membres du ministère
admin-members-caption = Personnes ayant accès au ministère
admin-members-empty = Aucun membre pour l’instant.
admin-member-name = Nom
admin-member-last-login = Dernière connexion
admin-member-never = jamais
admin-member-you = (vous)
admin-member-role-of = Rôle de { $name }
admin-member-change-role = Changer le rôle
admin-member-remove = Retirer
admin-invitations-title = Invitations en attente
admin-invitations-empty = Aucune invitation en attente.
admin-invitation-by = Envoyée par
admin-invitation-expires = Expire le
admin-invitation-resend = Renvoyer
admin-invitation-revoke = Annuler
admin-invite-title = Inviter une personne
admin-invite-submit = Envoyer l’invitation

## Back-office: what a refused field needs

form-error-generic = Cette valeur n’est pas acceptée : vérifiez-la.

## Back-office: why a field is refused (error::Reason), one message a reason
form-error-required = Remplissez ce champ.
form-error-too_long = Ce texte dépasse la longueur acceptée : raccourcissez-le.
form-error-too_many = Il y a trop de valeurs : gardez-en moins.
form-error-too_deep = Ce texte imbrique trop de listes ou de citations : simplifiez sa mise en forme.
form-error-not_http_url = Indiquez une adresse web complète, commençant par https:// ou http://.
form-error-not_an_email = Indiquez une adresse électronique valide, comme prenom.nom@ministere.gouv.fr.
form-error-not_a_number = Indiquez un nombre entier, sans espace ni décimale.
form-error-not_a_date = Indiquez une date au format JJ/MM/AAAA.
form-error-not_a_postal_code = Indiquez un code postal français à 5 chiffres.
form-error-not_a_slug = Utilisez des lettres minuscules sans accent, des chiffres et des tirets.
form-error-not_a_reference = Utilisez au plus 100 lettres sans accent, chiffres, points, tirets bas et tirets.
form-error-not_a_colour = Indiquez une couleur au format #000091.
form-error-no_article = Commencez par l’article : « la DGFiP », « l’ANSSI », « le ministère de l’Intérieur ».
form-error-not_a_siret = Indiquez des numéros SIRET valides de 14 chiffres, un par ligne.
form-error-unknown_code = Choisissez une valeur de la liste.
form-error-out_of_range = Cette valeur sort des limites acceptées : vérifiez-la.
form-error-below_minimum = Cette valeur est inférieure au minimum indiqué : vérifiez les deux.
form-error-already_used = Cette valeur est déjà utilisée : choisissez-en une autre.
form-error-already_member = Cette personne est déjà membre de ce ministère.
form-error-already_invited = Cette personne est déjà invitée : renvoyez-lui plutôt l’invitation depuis la liste.
form-error-not_of_this_ministry = Choisissez un élément de ce ministère.
form-error-changed_meanwhile = Quelqu’un a relu ou modifié cet élément entre-temps : rechargez la page.
form-error-archived = Cet élément est archivé : il ne peut plus être modifié.
form-error-wrong_status = L’état de cet élément ne permet pas cette action : rechargez la page.
form-error-own_membership = Vous ne pouvez pas modifier votre propre rôle ni vous retirer.
form-error-in_use = Cet élément est encore utilisé : retirez-le d’abord de là où il apparaît.
form-error-empty = Ce fichier est vide : choisissez-en un autre.
form-error-too_large = Ce fichier dépasse la taille maximale indiquée.
form-error-not_an_image = Ce fichier n’est pas une image JPEG, PNG ou WebP.
form-error-too_many_pixels = Cette image a trop de pixels : réduisez-la.
form-error-unreadable = Ce contenu est abîmé ou illisible.
form-error-duplicate = Ce contenu existe déjà : choisissez celui qui existe.
form-error-not_a_phone = Saisissez un numéro de téléphone, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.
form-error-not_a_pdf = Ce fichier n’est pas un PDF (son contenu a été vérifié, pas seulement son nom).
form-error-in_the_past = Choisissez une date à venir : celle-ci est déjà passée.
form-error-consent-required = Cochez la case pour accepter le traitement et la conservation de vos informations pour la durée indiquée.
form-error-storage_down = Le stockage ne répond pas : rien n’a été enregistré, réessayez dans quelques minutes.

## Back-office: what a field needs, more precisely than its reason says (form-error-FIELD-REASON)
form-error-title-required = Indiquez un intitulé de 200 caractères au plus.
form-error-title-too_long = Indiquez un intitulé de 200 caractères au plus.
form-error-slug-already_used = Cette adresse est déjà prise : choisissez-en une autre.
form-error-structure_id-not_of_this_ministry = Choisissez une direction ou un service de ce ministère.
form-error-contract_types-required = Cochez au moins un type de contrat.
form-error-profession-required = Choisissez un métier.
form-error-email-too_many = Cette adresse a déjà 5 alertes : désabonnez-vous d’une alerte depuis l’un de nos courriels avant d’en créer une autre.
form-error-professions-required = Cochez au moins un métier.
form-error-seniority-required = Choisissez votre niveau d’expérience.
form-error-message-too_many = Votre ministère a déjà écrit à cette personne ces 7 derniers jours : attendez sa réponse.
form-error-experience_min_years-out_of_range = Indiquez un nombre d’années entre 0 et 40.
form-error-remote_policy-required = Choisissez une politique de télétravail.
form-error-salary_min-not_a_number = Indiquez un montant en euros, sans espace ni décimale.
form-error-salary_min-out_of_range = Indiquez un montant annuel en euros, entre 0 et 1 000 000.
form-error-salary_max-not_a_number = Indiquez un montant en euros, sans espace ni décimale.
form-error-salary_max-out_of_range = Indiquez un montant annuel en euros, entre 0 et 1 000 000.
form-error-salary_max-below_minimum = Indiquez un montant en euros, au moins égal au salaire minimum.
form-error-city-required = Indiquez la ville.
form-error-apply_mode-required = Choisissez comment les candidat·es postulent.
form-error-apply_url-required = Indiquez l’adresse du site de candidature, commençant par https://.
form-error-apply_emails-required = Indiquez au moins une adresse électronique pour recevoir les candidatures.
form-error-person_name-required = Indiquez le nom de la personne.
form-error-role-required = Indiquez le rôle.
form-error-excerpt-required = Écrivez un chapô de 300 caractères au plus.
form-error-excerpt-too_long = Écrivez un chapô de 300 caractères au plus.
form-error-body-required = Écrivez le témoignage.
form-error-name-required = Indiquez un nom de 200 caractères au plus.
form-error-name-too_long = Indiquez un nom de 200 caractères au plus.
form-error-acronym-required = Indiquez un sigle de 20 caractères au plus.
form-error-acronym-too_long = Indiquez un sigle de 20 caractères au plus.
form-error-decision-unknown_code = Choisissez une décision.
form-error-comment-required = Écrivez un commentaire : ce qu’il faut changer, ou pourquoi c’est refusé.
form-error-alt-required = Décrivez l’image en 250 caractères au plus.
form-error-alt-too_long = Décrivez l’image en 250 caractères au plus.
form-error-file-empty = Choisissez un fichier : celui-ci est vide.
form-error-file-too_large = Le fichier dépasse la taille maximale indiquée.
form-error-file-not_an_image = Ce fichier n’est pas une image JPEG, PNG ou WebP (son contenu a été vérifié, pas seulement son nom).
form-error-file-too_many_pixels = Cette image a trop de pixels : réduisez-la avant de l’envoyer.
form-error-file-unreadable = Cette image est abîmée ou illisible.
form-error-file-duplicate = Cette image est déjà dans la médiathèque : choisissez-la plutôt que de la remplacer par elle.
form-error-file-storage_down = Le stockage des images ne répond pas : rien n’a été enregistré, réessayez dans quelques minutes.
form-error-media-in_use = Cette image apparaît encore sur le site : retirez-la d’abord de là où elle apparaît.
admin-locked-archived = Cet élément est archivé : il ne peut plus être modifié. Dupliquez-le pour en faire un nouveau brouillon.

## Login links by email

login-link-heading = Sans ProConnect
login-link-lead = Recevez par courriel un lien de connexion, valable une fois pendant 15 minutes.
login-link-email = Adresse électronique professionnelle
login-link-email-hint = Format attendu : prenom.nom@ministere.gouv.fr
login-link-submit = Recevoir un lien de connexion
login-link-title = Lien de connexion
login-link-sent = Si cette adresse a accès à l’espace recruteurs, un lien de connexion vient de lui être envoyé. Il est valable une fois, pendant 15 minutes.
login-link-use-lead = Ce lien vous connecte à l’espace recruteurs. Il ne sert qu’une fois.
login-link-use = Se connecter
login-failed-link = Ce lien de connexion a déjà servi, a expiré ou n’existe pas. Demandez-en un nouveau depuis la page de connexion.
login-failed-link-email = Cette adresse électronique n’est pas valide. Vérifiez-la et recommencez.

## Back-office: the email outbox

admin-nav-emails = Courriels
admin-emails-title = Courriels envoyés
admin-emails-lead = Les 200 derniers courriels : ceux qui sont partis, ceux qui attendent, et pourquoi un envoi a échoué. Un courriel en échec est réessayé de plus en plus tard, jusqu’à une fois par heure.
admin-emails-failing = { $count ->
    [one] Un courriel attend après un échec d’envoi.
   *[other] { $count } courriels attendent après un échec d’envoi.
}
admin-emails-created = Écrit le
admin-emails-recipient = Destinataire
admin-emails-subject = Objet
admin-emails-state = État
admin-emails-sent = Envoyé le { $at }
admin-emails-retry = Échec ({ $attempts ->
        [one] 1 essai
       *[other] { $attempts } essais
    }), nouvel essai le { $at }
admin-emails-waiting = En attente d’envoi
admin-emails-empty = Aucun courriel pour l’instant.

## Back-office: moderation

admin-nav-moderation = Modération
admin-moderation-title = File de modération
admin-moderation-lead = Les offres et témoignages qui attendent une relecture, du plus ancien au plus récent.
admin-moderation-all-ministries = Tous les ministères
admin-moderation-kind = Type
admin-moderation-all-kinds = Offres et témoignages
admin-moderation-kind-offer = Offre
admin-moderation-kind-story = Témoignage
admin-moderation-item = Élément
admin-moderation-since = En attente depuis
admin-moderation-count = { $count ->
    [one] 1 élément en attente
   *[other] { $count } éléments en attente
}
admin-moderation-empty = Rien n’attend de relecture.
admin-review-title = Relecture
admin-review-decision = Décision
admin-review-approve = Publier
admin-review-changes = Demander des modifications
admin-review-reject = Refuser
admin-review-comment-label = Commentaire pour l’auteur·rice
admin-review-comment-hint = Obligatoire pour demander des modifications ou refuser : dites quoi changer, ou pourquoi.
admin-review-submit = Enregistrer la décision
admin-review-comment = Commentaire de la relecture
admin-submit-for-review = Soumettre à la relecture
admin-notice-submitted = C’est envoyé : l’élément attend sa relecture (il est publié tout de suite si votre ministère est de confiance).
admin-notice-reviewed = La décision est enregistrée et l’auteur·rice est prévenu·e par courriel.
admin-notice-already-reviewed = Quelqu’un a relu cet élément juste avant vous : sa décision est celle qui compte.
admin-published-edit-warning = Cet élément est en ligne : vos modifications seront relues avant de remplacer la version publiée, qui reste en ligne d’ici là.
admin-live-preview = Aperçu : { $field }
admin-review-changes-heading = Changements depuis la version publiée
admin-review-published-heading = Ce qui sera publié
admin-review-value = Valeur
admin-review-empty = (vide)
admin-review-first-publication = Première publication : cet élément n’a jamais été en ligne.
admin-review-no-change = Aucun changement depuis la version publiée.
admin-review-field = Champ
admin-review-before = Version publiée
admin-review-after = Version proposée
admin-history = Versions enregistrées
admin-history-number = N°
admin-history-at = Date
admin-history-author = Par

admin-notice-proposed = Vos modifications sont enregistrées et envoyées en relecture.
admin-notice-restored = La version choisie a été rétablie : c’est la nouvelle version de travail.
admin-notice-restored-without-image = La version choisie a été rétablie sans son image, supprimée de la médiathèque depuis : choisissez-en une autre si besoin.
admin-proposal-pending_review = Des modifications attendent la relecture. La version publiée reste en ligne ; le formulaire montre la version proposée.
admin-proposal-changes_requested = Des modifications sont demandées sur la version proposée. La version publiée reste en ligne ; le formulaire montre la version proposée.
admin-proposal-rejected = La version proposée a été refusée.
admin-history-actions = Actions
admin-history-restore = Rétablir
admin-field-publish-at = Publier à partir du
admin-hint-publish-at = Facultatif. Une fois validé, l’élément n’apparaît sur le site qu’à partir de ce jour.
admin-review-portal-preview = Voir la page telle qu’elle sera publiée
admin-mark-filled = Marquer le poste comme pourvu
admin-notice-filled = L’offre est marquée pourvue : sa page reste en ligne avec un bandeau, elle quitte les listes.
admin-nav-media = Médiathèque
admin-media-title = Médiathèque
admin-media-lead = Les images du ministère : logo, photos des témoignages. Chaque image est vérifiée, nettoyée de ses métadonnées (EXIF, GPS) et enregistrée aux tailles dont le site a besoin.
admin-media-upload = Ajouter une image
admin-media-upload-button = Ajouter l’image
admin-media-library = Images du ministère
admin-media-empty = Aucune image pour l’instant.
admin-media-uses = { $count ->
    [0] Utilisée nulle part
    [one] Utilisée une fois
   *[other] Utilisée { $count } fois
}
admin-media-item-title = Image
admin-media-back = Retour à la médiathèque
admin-media-used-by = Où elle apparaît
admin-media-unused = Elle n’apparaît nulle part : vous pouvez la supprimer.
admin-media-used-as-logo = Logo du ministère
admin-media-used-as-photo = Photo du témoignage
admin-media-describe = Enregistrer le texte alternatif
admin-media-replace-title = Remplacer l’image
admin-media-replace = Remplacer partout où elle apparaît
admin-media-delete = Supprimer l’image
admin-field-alt = Texte alternatif
admin-hint-alt = Ce que l’image montre, pour les personnes qui ne la voient pas (250 caractères au plus).
admin-field-file = Fichier
admin-hint-file = Image JPEG, PNG ou WebP, { $max } Mo au plus.
admin-notice-uploaded = L’image a été ajoutée.
admin-notice-described = Le texte alternatif a été enregistré.
admin-notice-replaced = L’image a été remplacée partout où elle apparaît.
admin-notice-deleted = L’image a été supprimée.
admin-field-photo = Photo
admin-hint-photo = Choisissez une image de la médiathèque.
admin-field-logo = Logo
admin-hint-logo = Choisissez une image de la médiathèque, de préférence sur fond transparent.
admin-no-image = Aucune image
admin-field-illustration = Illustration
admin-hint-illustration = Facultatif. Une image de la médiathèque, montrée en haut de l’offre.
admin-media-used-as-illustration = Illustration de l’offre
admin-nav-jobs = Tâches planifiées
admin-jobs-title = Tâches planifiées
admin-jobs-lead = Ce que le site fait de lui-même, à heure fixe (heure de Paris), et ce qu’il en est résulté. Quand plusieurs instances partagent la base, chaque passage n’a lieu qu’une fois.
admin-jobs-elsewhere = Cette instance ne lance pas les tâches : un processus « metiers worker » s’en charge.
admin-jobs-list = Les tâches
admin-jobs-job = Tâche
admin-jobs-schedule = Planification (s min h jour mois jour-de-semaine)
admin-jobs-run-now = Lancer maintenant
admin-jobs-runs = Derniers passages
admin-jobs-failures = { $count ->
    [one] Un passage a échoué.
   *[other] { $count } passages ont échoué.
}
admin-jobs-started = Début
admin-jobs-trigger = Déclenchement
admin-jobs-seconds = Durée (s)
admin-jobs-rows = Lignes traitées
admin-jobs-outcome = Résultat
admin-jobs-failed = Échec
admin-jobs-ok = Réussi
admin-jobs-running = En cours
admin-jobs-empty = Aucun passage pour l’instant.
admin-jobs-trigger-schedule = Planifié
admin-jobs-trigger-manual = Lancé depuis l’administration
admin-jobs-trigger-command = Ligne de commande
admin-jobs-about-expire_offers = Les offres dont la date limite est passée deviennent expirées.
admin-jobs-about-expiry_reminders = Rappel aux auteurs et responsables 7 jours et 1 jour avant l’expiration d’une offre ; rappel aux talents un mois avant la fin de leur profil.
admin-jobs-about-publish_scheduled = Les contenus validés dont le jour de publication est arrivé apparaissent aussitôt.
admin-jobs-about-purge_personal_data = Les données personnelles dont la durée de conservation est passée sont supprimées.
admin-jobs-about-outbox = Les courriels en attente sont envoyés.
admin-jobs-about-send_alerts = Les alertes confirmées reçoivent les nouvelles offres correspondant à leur recherche.
admin-notice-job-done = La tâche a été exécutée.
admin-notice-job-failed = La tâche a échoué : l’erreur est dans la liste des passages.
admin-notice-job-busy = La tâche vient d’être lancée ailleurs : rien n’a été refait.

## Candidatures (back-office)
admin-nav-applications = Candidatures
admin-applications-title = Candidatures
admin-applications-lead = Les candidatures reçues sur le site pour les offres de votre ministère. Leurs données personnelles ne servent qu’au recrutement.
admin-applications-count = { $count ->
    [one] Une candidature
   *[other] { $count } candidatures
}
admin-applications-more = Seules les { $limit } candidatures les plus récentes sont listées : filtrez par statut, ou exportez celles d’une offre en CSV depuis sa page.
admin-applications-empty = Aucune candidature pour l’instant.
admin-application-candidate = Candidat·e
admin-application-offer = Offre
admin-application-received = Reçue le
admin-application-title = Candidature
admin-application-see-offer = Voir l’offre
admin-application-cv = Télécharger le CV (PDF, { $kb } ko)
admin-application-decide = Faire avancer la candidature
admin-application-new-status = Nouveau statut
admin-application-reason = Motif (si non retenue)
admin-application-reason-none = Choisir un motif
admin-application-reason-hint = Le motif est communiqué à la personne par courriel.
admin-application-status-received = Reçue
admin-application-status-in_review = En cours d’examen
admin-application-status-interview = Entretien
admin-application-status-hired = Recrutée
admin-application-status-not_retained = Non retenue
admin-application-reason-profile_mismatch = Profil ne correspondant pas au poste
admin-application-reason-experience = Expérience insuffisante pour le poste
admin-application-reason-other_candidate = Une autre candidature retenue
admin-application-reason-position_closed = Poste pourvu ou fermé
admin-application-reason-eligibility = Conditions statutaires non remplies
admin-application-reason-other = Autre motif
form-error-reason-required = Choisissez le motif, qui sera communiqué à la personne.
admin-application-notes = Notes privées
admin-application-notes-label = Notes de l’équipe
admin-application-notes-hint = Visibles des seuls membres du ministère ; jamais transmises à la personne. 5 000 caractères au plus.
admin-application-notes-save = Enregistrer les notes
admin-applications-export = Exporter les candidatures à cette offre (CSV)
admin-applications-csv-received = Reçue le
admin-applications-csv-first-name = Prénom
admin-applications-csv-last-name = Nom
admin-applications-csv-email = Courriel
admin-applications-csv-phone = Téléphone
admin-applications-csv-links = Liens
admin-applications-csv-status = Statut
admin-applications-csv-reason = Motif
admin-offer-applications = { $count ->
    [one] Une candidature reçue sur le site
   *[other] { $count } candidatures reçues sur le site
}

## Back-office: the talent pool (/admin/vivier)
admin-nav-talents = Vivier de talents
admin-notice-talent-contacted = Votre message est parti. La personne vous répondra directement, si elle le souhaite.
admin-talents-title = Vivier de talents
admin-talents-lead = Les profils que des candidat·es ont laissés pour les postes de l’État, hors ceux qui ont choisi de ne pas être vus de votre ministère. Leur adresse n’est communiquée que s’ils répondent.
admin-talents-matching = Talents correspondant à l’offre « { $title } » : même métier, même région (ou toute région), expérience suffisante, disponibles à temps.
admin-talents-see-offer = Revenir à l’offre
admin-talents-search = Rechercher
admin-talents-words = Mots-clés
admin-talents-words-hint = Cherchés dans les noms, les présentations et les liens.
admin-talents-profession = Métier
admin-talents-region = Région
admin-talents-seniority = Expérience
admin-talents-available-by = Disponible au plus tard le
admin-talents-any = Tous
admin-talents-count = { $count ->
    [0] Aucun talent
    [one] Un talent
   *[other] { $count } talents
}
admin-talents-limit = Seuls les { $limit } profils les plus récemment mis à jour sont listés : précisez la recherche.
admin-talents-empty = Aucun profil ne correspond pour l’instant.
admin-talents-name = Nom
admin-talents-professions = Métiers
admin-talents-available = Disponibilité
admin-talents-now = Dès maintenant
admin-talent-title = Profil du vivier
admin-talent-summary = Présentation
admin-talent-links = Liens
admin-talent-cv = Télécharger le CV (PDF, { $kb } ko)
admin-talent-no-cv = Pas de CV déposé.
admin-talent-contact = Écrire à cette personne
admin-talent-contact-hint = Votre message part par courriel depuis le site ; la personne vous répond directement, et c’est alors qu’elle vous donne son adresse. Un message par semaine au plus de votre ministère.
admin-talent-message = Message
admin-talent-message-hint = { $max } caractères au plus.
admin-talent-offer = Offre concernée (facultatif)
admin-talent-offer-none = Aucune
admin-talent-send = Envoyer le message
admin-offer-apply-clicks = { $count ->
    [one] Le bouton « Postuler » a mené une fois vers le site ou l’adresse de candidature.
   *[other] Le bouton « Postuler » a mené { $count } fois vers le site ou l’adresse de candidature.
}
admin-offer-matching-talents = { $count ->
    [0] Aucun talent du vivier ne correspond à cette offre pour l’instant
    [one] Un talent du vivier correspond à cette offre
   *[other] { $count } talents du vivier correspondent à cette offre
}

## Statistics (/admin/statistiques)
admin-nav-statistics = Statistiques
admin-notice-goals-saved = Les objectifs sont enregistrés.
stats-admin-title = Statistiques { $year } : ensemble des ministères
stats-admin-title-ministry = Statistiques { $year } : { $name }
stats-admin-lead = Les objectifs de l’année et les chiffres qui les mesurent, calculés à partir des faits : candidatures, recrutements, inscriptions et pages vues comptées sans suivi.
stats-national = Ensemble des ministères
stats-pick-year = Année
stats-pick-ministry = Périmètre
stats-pick-submit = Afficher
stats-empty = Aucun chiffre pour cette année et ce périmètre.
stats-summary-heading = Conversion et délais
stats-summary-note = Les délais comptent les jours depuis la première publication de l’offre. Une offre « sans candidature » n’a reçu ni candidature sur le site ni clic sur « Postuler ».
stats-no-offers = Aucune offre n’a été vue cette année.
stats-monthly-table-heading = Tous les chiffres, mois par mois
stats-export-heading = Télécharger ces chiffres
stats-export-lead = Les mêmes chiffres que cette page, pour un tableur ou un autre outil.
stats-export-csv = CSV (tableur)
stats-export-xlsx = Excel (XLSX)
stats-export-json = JSON
stats-goals-form-heading = Objectifs { $year }
stats-goals-form-lead-national = Objectifs nationaux, fixés par la DINUM. Laissez un champ vide pour revenir à l’objectif par défaut.
stats-goals-form-lead-ministry = Objectifs propres à ce ministère. Laissez un champ vide pour ne pas en fixer.
stats-goals-submit = Enregistrer les objectifs
stats-goals-hint = Un nombre entier, de 0 à 1 000 000.

## The journal's actions (audit::ACTIONS)
admin-action-offer-create = Offre créée
admin-action-offer-update = Offre modifiée
admin-action-offer-restore = Offre rétablie dans une version antérieure
admin-action-offer-submit = Offre soumise à relecture
admin-action-offer-publish-trusted = Offre publiée (ministère de confiance)
admin-action-offer-approve = Offre approuvée
admin-action-offer-request-changes = Modifications demandées sur une offre
admin-action-offer-reject = Offre refusée
admin-action-offer-propose = Modification d’une offre en ligne proposée
admin-action-offer-duplicate = Offre dupliquée
admin-action-offer-archive = Offre archivée
admin-action-offer-fill = Offre marquée pourvue
admin-action-story-create = Témoignage créé
admin-action-story-update = Témoignage modifié
admin-action-story-restore = Témoignage rétabli dans une version antérieure
admin-action-story-submit = Témoignage soumis à relecture
admin-action-story-publish-trusted = Témoignage publié (ministère de confiance)
admin-action-story-approve = Témoignage approuvé
admin-action-story-request-changes = Modifications demandées sur un témoignage
admin-action-story-reject = Témoignage refusé
admin-action-story-propose = Modification d’un témoignage en ligne proposée
admin-action-story-duplicate = Témoignage dupliqué
admin-action-story-archive = Témoignage archivé
admin-action-media-upload = Image ajoutée
admin-action-media-describe = Texte alternatif d’une image modifié
admin-action-media-replace = Image remplacée
admin-action-media-delete = Image supprimée
admin-action-application-create = Candidature reçue
admin-action-application-update = Candidature complétée par son auteur
admin-action-application-status = Statut d’une candidature changé
admin-action-application-notes = Notes d’une candidature modifiées
admin-action-application-cv = CV d’une candidature téléchargé
admin-action-application-export = Candidatures exportées
admin-action-talent-contact = Talent contacté
admin-action-talent-cv = CV d’un talent téléchargé
admin-action-goal-set = Objectif fixé
admin-action-invitation-create = Invitation envoyée
admin-action-invitation-resend = Invitation renvoyée
admin-action-invitation-revoke = Invitation révoquée
admin-action-api-token-create = Jeton d’API créé
admin-action-api-token-revoke = Jeton d’API révoqué
admin-action-invitation-accept = Invitation acceptée
admin-action-membership-role = Rôle d’un membre changé
admin-action-membership-remove = Membre retiré
admin-action-tenant-create = Ministère créé
admin-action-tenant-update = Ministère modifié
admin-action-tenant-archive = Ministère archivé
admin-action-user-create = Utilisateur créé
admin-action-user-login = Connexion
admin-schedule-every-minute = Chaque minute
admin-schedule-every-seconds = Toutes les { $seconds } secondes
admin-schedule-hourly = Chaque heure, à la minute { $minute }
admin-schedule-daily = Chaque jour à { $time }
admin-schedule-cron = Selon la règle « { $cron } » (secondes, minutes, heures, jour, mois, jour de la semaine)

## API tokens (`/admin/jetons`)
admin-nav-tokens = Jetons d’API
admin-tokens-title = Jetons d’API
admin-tokens-lead = Un jeton permet aux systèmes du ministère (SIRH, Place de l’emploi public) de publier et mettre à jour ses offres, qui passent par la même validation que celles saisies ici, et de suivre ses candidatures.
admin-tokens-docs = Lire la documentation de l’API
admin-tokens-caption = Jetons du ministère
admin-tokens-empty = Aucun jeton pour l’instant.
admin-token-name = Nom
admin-token-scopes = Droits
admin-token-state = État
admin-token-last-used = Dernière utilisation
admin-token-never-used = Jamais utilisé
admin-token-made-by = créé le { $at } par { $by }
admin-token-state-valid = Valide jusqu’au { $date }
admin-token-state-expired = Expiré le { $date }
admin-token-state-revoked = Révoqué
admin-token-revoke = Révoquer
admin-token-new-title = Créer un jeton
admin-token-valid-days = Durée de validité, en jours
admin-hint-token-name = Ce à quoi il sert, par exemple « SIRH » ou « Place de l’emploi public ».
admin-hint-token-valid-days = De 1 à 730 jours.
admin-token-create = Créer le jeton
admin-token-made = Jeton « { $name } » créé
admin-token-made-once = Copiez-le maintenant et gardez-le en lieu sûr : il ne sera plus affiché. En cas de perte, révoquez-le et créez-en un autre.
admin-token-scope-offers-write = Publier et mettre à jour les offres (offers:write)
admin-token-scope-applications-read = Lire les candidatures (applications:read)
admin-token-scope-applications-write = Faire avancer les candidatures (applications:write)
admin-notice-token-revoked = Le jeton a été révoqué : il ne fonctionne plus.
form-error-scopes-required = Choisissez au moins un droit.
form-error-valid_days-out_of_range = Choisissez une durée de 1 à 730 jours.
