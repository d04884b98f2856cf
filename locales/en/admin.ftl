## Back-office: login and dashboard

login-title = Recruiters' area
login-description = Login for the ministries' staff who publish job offers and stories.
login-lead = Ministry staff log in here to publish their job offers and their teams' stories.
login-proconnect-heading = Public servants
login-proconnect-with = Sign in with
login-proconnect-soon = Signing in with ProConnect is coming soon.
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
