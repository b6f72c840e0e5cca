// Monaco, offline: only the editor and JSON support, with workers bundled by Vite (`?worker`), and the
// case-type meta-schema for validation and completion. Loaded lazily with the JSON view.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import metaSchema from '../../../../schemas/case-type.schema.json';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: [{ uri: 'https://dossier.dev/schemas/case-type.schema.json', fileMatch: ['*.case.json'], schema: metaSchema }],
});

export { monaco };
