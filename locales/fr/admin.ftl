## Back-office: login and dashboard

login-title = Espace recruteurs
login-description = Connexion des agents des ministères qui publient des offres et des témoignages.
login-lead = Les agents des ministères se connectent ici pour publier leurs offres et les témoignages de leurs équipes.
login-proconnect-heading = Agents publics
login-proconnect-with = S’identifier avec
login-proconnect-soon = La connexion avec ProConnect arrive prochainement.
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
