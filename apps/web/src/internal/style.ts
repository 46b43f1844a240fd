/** The workspace's one style sheet, served from `/style.css` so that the Content-Security-Policy needs no inline styles. */
export const css = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
a { color: #0b5cad; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 10; }
header.bar { background: #0b3d5c; color: #fff; }
header.bar .in { max-width: 62rem; margin: 0 auto; padding: .55rem 1.25rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; justify-content: space-between; }
header.bar a { color: #fff; }
header.bar .brand { font-weight: 700; font-size: 1.1rem; text-decoration: none; }
header.bar ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; align-items: center; }
header.bar [aria-current="true"] { font-weight: 700; text-decoration: none; }
header.bar form { display: inline; margin: 0; }
header.bar button { background: transparent; color: #fff; border: 1px solid #fff; border-radius: 4px; padding: .1rem .6rem; font: inherit; cursor: pointer; }
nav.sections { max-width: 62rem; margin: 0 auto; padding: .6rem 1.25rem 0; }
nav.sections ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
nav.sections [aria-current="page"] { font-weight: 700; text-decoration: none; color: #1a1a1a; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
.notice { border-left: 4px solid #0072b2; background: #eef6fb; padding: .5rem 1rem; margin: 1rem 0; }
.errors { border: 3px solid #b00020; padding: .5rem 1rem; margin: 1rem 0; }
.errors h2 { margin-top: .25rem; color: #8a0019; }
.field { margin: 0 0 1rem; }
.field label, fieldset legend { display: block; font-weight: 600; }
.hint { display: block; color: #444; font-size: .9rem; }
.error { display: block; color: #8a0019; font-weight: 600; }
input[type=text], input[type=email], input[type=password], select, textarea { font: inherit; padding: .35rem .5rem; border: 1px solid #555; border-radius: 4px; width: 100%; max-width: 32rem; }
textarea { min-height: 5rem; }
[aria-invalid="true"] { border: 2px solid #b00020; }
fieldset { border: 1px solid #999; border-radius: 4px; margin: 0 0 1rem; padding: .5rem 1rem; }
fieldset label { font-weight: 400; display: block; }
button.primary, a.button { display: inline-block; background: #0b5cad; color: #fff; border: 0; border-radius: 4px; padding: .45rem 1rem; font: inherit; font-weight: 600; text-decoration: none; cursor: pointer; }
button.secondary { background: #fff; color: #0b5cad; border: 1px solid #0b5cad; border-radius: 4px; padding: .45rem 1rem; font: inherit; cursor: pointer; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
th { background: #f3f3f3; }
.diff td.changed { background: #fff4d6; }
.meta { color: #444; font-size: .9rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.25rem; margin: 1rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
footer.foot { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem 2rem; font-size: .85rem; color: #333; }
footer.foot p { border-top: 1px solid #ccc; padding-top: 1rem; margin: 0; }
`
