## Emails: a subject and a body each; paragraphs are separated by a blank line.

mail-invitation-subject = Invitation à l’espace recruteurs de Métiers du Numérique : { $ministry }
mail-invitation-body =
    Bonjour,

    { $inviter } vous invite à rejoindre l’espace recruteurs de Métiers du Numérique pour { $ministry }, comme { $role ->
        [manager] responsable
       *[editor] rédacteur·rice
    }.

    Pour accepter, connectez-vous avec ProConnect, avec cette adresse électronique, avant le { $expires } :
    { $link }

    Si vous ne vous attendiez pas à cette invitation, ignorez ce message.

mail-login_link-subject = Votre lien de connexion à Métiers du Numérique
mail-login_link-body =
    Bonjour,

    Voici votre lien pour vous connecter à l’espace recruteurs de Métiers du Numérique. Il sert une seule fois, pendant 15 minutes :
    { $link }

    Si vous n’avez pas demandé ce lien, ignorez ce message : personne ne peut se connecter sans lui.

mail-review-subject = { $decision ->
    [published] Publié : { $title }
    [changes_requested] Modifications demandées : { $title }
   *[rejected] Refusé : { $title }
}
mail-review-body =
    Bonjour,

    { $decision ->
        [published] « { $title } » a été relu et publié sur Métiers du Numérique.
        [changes_requested] « { $title } » a été relu : des modifications sont demandées avant publication.
       *[rejected] « { $title } » a été relu et ne sera pas publié.
    }

    { $has_comment ->
        [yes] Commentaire de la relecture : { $comment }
       *[no] {""}
    }

    Pour le retrouver :
    { $link }

mail-review_digest-subject = Contenus à relire sur Métiers du Numérique
mail-review_digest-body =
    Bonjour,

    Des offres ou des témoignages attendent votre relecture (en attente : { $count }) :
    { $items }

    La file de relecture :
    { $link }

    Vous recevez au plus un récapitulatif toutes les 10 minutes.

mail-expiry_reminder-subject = Une offre expire bientôt : { $title }
mail-expiry_reminder-body =
    Bonjour,

    L’offre « { $title } » expire le { $date } (dans { $days } jour(s)). Elle quittera alors le site.

    Pour la prolonger, changez sa date limite de candidature sur sa page :
    { $link }

    Si le poste est pourvu, vous pouvez aussi la marquer comme pourvue.

mail-application_received-subject = Votre candidature : { $title }
mail-application_received-body =
    Bonjour,

    Votre candidature à l’offre « { $title } » a bien été transmise au service qui recrute. Il reviendra vers vous à cette adresse.

    L’offre : { $link }

    Vos données sont conservées { $years } ans au plus. Pour les consulter ou les faire effacer, voyez la page Données personnelles :
    { $privacy }

mail-application_unchanged-subject = Votre candidature : { $title }
mail-application_unchanged-body =
    Bonjour,

    Une nouvelle candidature à l’offre « { $title } » vient d’être envoyée avec votre adresse. Votre candidature précédente est déjà en cours d’examen par le service qui recrute : elle reste telle quelle, et la nouvelle n’a pas été conservée.

    Pour compléter votre candidature, répondez au service qui recrute lorsqu’il vous contacte. Si vous n’êtes pas à l’origine de cet envoi, vous pouvez ignorer ce message.

    Pour consulter ou effacer vos données :
    { $privacy }

mail-application_new-subject = Nouvelle candidature : { $title }
mail-application_new-body =
    Bonjour,

    Une nouvelle candidature est arrivée pour l’offre « { $title } ».

    Retrouvez-la dans l’espace recruteurs :
    { $link }

mail-application_hired-subject = Votre candidature est retenue : { $title }
mail-application_hired-body =
    Bonjour,

    Bonne nouvelle : votre candidature à l’offre « { $title } » est retenue. Le service qui recrute vous contactera pour la suite.

    Pour consulter ou effacer vos données :
    { $privacy }

mail-application_not_retained-subject = Votre candidature : { $title }
mail-application_not_retained-body =
    Bonjour,

    Merci de l’intérêt que vous portez à l’offre « { $title } ». Votre candidature n’a pas été retenue : { $reason ->
        [profile_mismatch] votre profil ne correspond pas aux besoins du poste.
        [experience] l’expérience demandée pour ce poste n’est pas atteinte.
        [other_candidate] une autre candidature a été retenue.
        [position_closed] le poste a été pourvu ou fermé entre-temps.
        [eligibility] les conditions statutaires du poste ne sont pas remplies.
       *[other] le service qui recrute a fait un autre choix.
    }

    D’autres offres vous attendent sur Métiers du Numérique.

    Pour consulter ou effacer vos données :
    { $privacy }

mail-talent_confirm-subject = Confirmez votre adresse pour rejoindre le vivier de talents
mail-talent_confirm-body =
    Bonjour,

    Un profil vient d’être déposé avec cette adresse dans le vivier de talents de Métiers du Numérique. Pour qu’il soit visible des recruteurs, confirmez votre adresse dans les 7 jours :
    { $link }

    Si vous n’êtes pas à l’origine de ce dépôt, ignorez ce message : le profil sera effacé.

mail-talent_exists-subject = Votre profil dans le vivier de talents
mail-talent_exists-body =
    Bonjour,

    Un nouveau profil vient d’être déposé avec votre adresse, qui en a déjà un dans le vivier de talents. Rien n’a changé : pour modifier, prolonger ou supprimer votre profil, utilisez ce lien :
    { $link }

mail-talent_renew-subject = Votre profil quitte le vivier de talents le { $date }
mail-talent_renew-body =
    Bonjour,

    Votre profil dans le vivier de talents de Métiers du Numérique sera supprimé le { $date }, avec votre CV. Pour le garder, prolongez-le depuis sa page ; vous pouvez aussi le modifier ou le supprimer :
    { $link }

mail-talent_contact-subject = Un recruteur { $ministry_of } vous écrit
mail-talent_contact-body =
    Bonjour,

    Un recruteur { $ministry_of } a trouvé votre profil dans le vivier de talents de Métiers du Numérique et vous écrit :

    { $message }

    { $offer ->
        [none] Aucune offre n’est précisée.
       *[other] L’offre concernée : { $offer }
    }

    Pour lui répondre, répondez simplement à ce courriel : il recevra alors votre adresse. Pour modifier ou supprimer votre profil, suivez le lien de nos autres courriels, ou voyez la page Données personnelles :
    { $privacy }

mail-alert_confirm-subject = Confirmez votre alerte Métiers du Numérique
mail-alert_confirm-body =
    Bonjour,

    Une alerte vient d’être créée avec cette adresse pour la recherche : { $search }.

    Pour recevoir les nouvelles offres, confirmez votre adresse dans les 7 jours :
    { $link }

    Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : l’alerte sera effacée.

mail-alert_digest-subject = { $count ->
    [one] Une nouvelle offre pour votre recherche
   *[other] { $count } nouvelles offres pour votre recherche
}
mail-alert_digest-body =
    Bonjour,

    Nouvelles offres pour votre recherche : { $search }

    { $items }

    Pour ne plus recevoir cette alerte, désabonnez-vous en un clic :
    { $unsubscribe }

mail-data_request-subject = { $kind ->
    [erase] Confirmez l’effacement de vos données
   *[other] Confirmez l’envoi de vos données
}
mail-data_request-body =
    Bonjour,

    { $kind ->
        [erase] Une demande d’effacement de tout ce que Métiers du Numérique conserve sur cette adresse (candidatures et CV, profil du vivier, alertes, courriels) vient d’être faite.
       *[other] Une demande d’envoi de tout ce que Métiers du Numérique conserve sur cette adresse vient d’être faite. Vous le recevrez dans un fichier JSON joint à un courriel.
    }

    Pour la confirmer, suivez ce lien dans les 7 jours :
    { $link }

    Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera fait.

mail-data_export-subject = Vos données sur Métiers du Numérique
mail-data_export-body =
    Bonjour,

    Voici, dans le fichier joint, tout ce que Métiers du Numérique conserve sur votre adresse : vos candidatures (avec les notes des recruteurs), votre profil du vivier de talents, vos alertes.

    Les CV ne sont pas joints : leur taille y figure. Pour les recevoir, ou pour tout effacer, voyez la page Données personnelles du site :
    { $privacy }
