// `/` until the designer lands: an honest page saying the API runs here.
export const rootPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dossier</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Dossier</h1>
<p>The Dossier runtime API is running on this port. The designer is not part of this build yet.</p>
<p>The API is described in <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1);
send the token printed at first start as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
</body></html>
`;
