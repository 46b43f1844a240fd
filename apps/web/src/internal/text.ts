/** The two languages of the workspace: Swedish first, English with `?lang=en` (as the dashboard). */
export type Lang = "sv" | "en"

/** The language a request asks for. */
export const langOf = (query: string | undefined): Lang => (query === "en" ? "en" : "sv")

/** A path with the language query kept (Swedish needs none). */
export const link = (lang: Lang, path: string): string =>
  lang === "en" ? `${path}${path.includes("?") ? "&" : "?"}lang=en` : path

const both = (sv: string, en: string) => ({ sv, en })

/** Every text of the workspace's frame and forms. */
export const t = {
  brand: both("Innokraft arbetsyta", "Innokraft workspace"),
  skip: both("Hoppa till innehållet", "Skip to content"),
  dashboard: both("Översikten (publik)", "Dashboard (public)"),
  apiDocs: both("API-referens", "API reference"),
  signIn: both("Logga in", "Sign in"),
  signInIntro: both(
    "Logga in med den e-postadress som din organisations administratör bjöd in.",
    "Sign in with the e-mail address your organisation's administrator invited."
  ),
  email: both("E-post", "E-mail"),
  password: both("Lösenord", "Password"),
  passwordAgain: both("Lösenord igen", "Password again"),
  signOut: both("Logga ut", "Sign out"),
  signOutEverywhere: both("Logga ut överallt", "Sign out everywhere"),
  signedInAs: both("Inloggad som", "Signed in as"),
  wrongCredentials: both("Fel e-post eller lösenord.", "Wrong e-mail or password."),
  throttled: both("För många misslyckade inloggningar. Försök igen efter", "Too many failed sign-ins. Try again after"),
  signedOut: both("Du är utloggad.", "You are signed out."),
  signedOutEverywhere: both("Du är utloggad på alla enheter.", "You are signed out on every device."),
  setPassword: both("Välj lösenord", "Choose a password"),
  setPasswordIntro: both(
    "Välj ett lösenord på minst 12 tecken. Länken fungerar en gång.",
    "Choose a password of at least 12 characters. The link works once."
  ),
  passwordsDiffer: both("Lösenorden är inte lika.", "The passwords differ."),
  passwordSet: both("Lösenordet är sparat. Logga in.", "Your password is saved. Sign in."),
  inviteGone: both(
    "Länken är okänd, redan använd eller för gammal. Be administratören om en ny.",
    "The link is unknown, already used or too old. Ask your administrator for a new one."
  ),
  csrf: both(
    "Formuläret saknar eller har fel säkerhetstoken. Ladda om sidan och försök igen.",
    "The form's security token is missing or wrong. Reload the page and try again."
  ),
  forbidden: both("Du får inte göra detta.", "You may not do this."),
  viewerNote: both(
    "Du har läsbehörighet: du kan se men inte ändra.",
    "You have read access: you can look but not change."
  ),
  notFound: both("Sidan finns inte.", "There is no such page."),
  failed: both("Något gick fel; felet är loggat.", "Something went wrong; it has been logged."),
  busy: both("Databasen svarar inte just nu; försök igen.", "The database does not answer right now; try again."),
  home: both("Start", "Home"),
  roles: {
    viewer: both("läsare", "viewer"),
    editor: both("redaktör", "editor"),
    admin: both("administratör", "admin")
  },
  portfolio: both("Portföljen", "The portfolio"),
  sections: both("Delar", "Sections"),
  new: both("Ny", "New"),
  edit: both("Ändra", "Edit"),
  none: both("Inga ännu.", "None yet."),
  save: both("Spara", "Save"),
  create: both("Skapa", "Create"),
  saved: both("Sparat.", "Saved."),
  created: both("Skapat.", "Created."),
  required: both("måste fyllas i", "must be filled in"),
  errorsTitle: both("Rätta följande:", "Please correct the following:"),
  conflictTitle: both("Ändrat av någon annan", "Changed by someone else"),
  conflictIntro: both(
    "Posten har ändrats av någon annan sedan du öppnade den. Här är båda versionerna.",
    "The record was changed by someone else since you opened it. Here are both versions."
  ),
  field: both("Fält", "Field"),
  yours: both("Din version", "Your version"),
  theirs: both("Sparad nu", "Saved now"),
  openCurrent: both("Öppna den sparade versionen", "Open the saved version"),
  keepMine: both("Spara min version ändå", "Save my version anyway"),
  version: both("Version", "Version"),
  updated: both("Senast ändrad", "Last changed")
} as const
