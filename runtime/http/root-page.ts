// `/` when the designer has not been built: an honest page saying the API runs here and how to get the UI.
export const rootPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dossier</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Dossier</h1>
<p>The Dossier runtime API is running on this port, but the designer has not been built.
Run <code>npm run build</code> (or start with <code>npm start</code>, which builds it when missing) and reload.</p>
<p>The API is described in <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1);
send the token printed at first start as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
</body></html>
`;
