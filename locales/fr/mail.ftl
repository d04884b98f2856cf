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

    Commentaire de la relecture : { $comment }

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
    Bonjour { $name },

    Votre candidature à l’offre « { $title } » a bien été transmise au service qui recrute. Il reviendra vers vous à cette adresse.

    L’offre : { $link }

    Vos données sont conservées { $years } ans au plus. Pour les consulter ou les faire effacer, voyez la page Données personnelles :
    { $privacy }

mail-application_new-subject = Nouvelle candidature : { $title }
mail-application_new-body =
    Bonjour,

    Une nouvelle candidature est arrivée pour l’offre « { $title } ».

    Retrouvez-la dans l’espace recruteurs :
    { $link }

mail-application_hired-subject = Votre candidature est retenue : { $title }
mail-application_hired-body =
    Bonjour { $name },

    Bonne nouvelle : votre candidature à l’offre « { $title } » est retenue. Le service qui recrute vous contactera pour la suite.

mail-application_not_retained-subject = Votre candidature : { $title }
mail-application_not_retained-body =
    Bonjour { $name },

    Merci de l’intérêt que vous portez à l’offre « { $title } ». Votre candidature n’a pas été retenue : { $reason ->
        [profile_mismatch] votre profil ne correspond pas aux besoins du poste.
        [experience] l’expérience demandée pour ce poste n’est pas atteinte.
        [other_candidate] une autre candidature a été retenue.
        [position_closed] le poste a été pourvu ou fermé entre-temps.
        [eligibility] les conditions statutaires du poste ne sont pas remplies.
       *[other] le service qui recrute a fait un autre choix.
    }

    D’autres offres vous attendent sur Métiers du Numérique.
