// The bundled resources of both languages: the shared file per language (en.json, nl.json: common, console,
// stage, form, words, problems, refusal) and one file per designer area (areas/<area>.<language>.json), which
// becomes the top-level key `<area>` (areas/canvas.nl.json holds `canvas.*`). One file per area keeps the
// translations of one screen together and lets areas be edited side by side without touching the same file.
import en from './en.json';
import nl from './nl.json';
import canvasEn from './areas/canvas.en.json';
import canvasNl from './areas/canvas.nl.json';
import editorEn from './areas/editor.en.json';
import editorNl from './areas/editor.nl.json';
import rulesEn from './areas/rules.en.json';
import rulesNl from './areas/rules.nl.json';
import slasEn from './areas/slas.en.json';
import slasNl from './areas/slas.nl.json';
import versionsEn from './areas/versions.en.json';
import versionsNl from './areas/versions.nl.json';
import simEn from './areas/sim.en.json';
import simNl from './areas/sim.nl.json';
import pagesEn from './areas/pages.en.json';
import pagesNl from './areas/pages.nl.json';
import stagesEn from './areas/stages.en.json';
import stagesNl from './areas/stages.nl.json';
import translationsEn from './areas/translations.en.json';
import translationsNl from './areas/translations.nl.json';
import modelEn from './areas/model.en.json';
import modelNl from './areas/model.nl.json';
import backtestEn from './areas/backtest.en.json';
import backtestNl from './areas/backtest.nl.json';
import migrationsEn from './areas/migrations.en.json';
import migrationsNl from './areas/migrations.nl.json';
import publicEn from './areas/public.en.json';
import chatEn from './areas/chat.en.json';
import chatNl from './areas/chat.nl.json';
import publicNl from './areas/public.nl.json';
import dueEn from './areas/due.en.json';
import dueNl from './areas/due.nl.json';
import scriptsEn from './areas/scripts.en.json';
import scriptsNl from './areas/scripts.nl.json';
import routingEn from './areas/routing.en.json';
import routingNl from './areas/routing.nl.json';
import processMapEn from './areas/processMap.en.json';
import processMapNl from './areas/processMap.nl.json';
import feedbackEn from './areas/feedback.en.json';
import feedbackNl from './areas/feedback.nl.json';

/** The area files, by the key their texts live under. */
export const AREAS = ['canvas', 'editor', 'rules', 'slas', 'versions', 'sim', 'pages', 'stages', 'translations', 'model', 'backtest', 'migrations', 'public', 'chat', 'due', 'scripts', 'routing', 'processMap', 'feedback'] as const;

export const RESOURCES = {
  en: { translation: { ...en, canvas: canvasEn, editor: editorEn, rules: rulesEn, slas: slasEn, versions: versionsEn, sim: simEn, pages: pagesEn, stages: stagesEn, translations: translationsEn, model: modelEn, backtest: backtestEn, migrations: migrationsEn, public: publicEn, chat: chatEn, due: dueEn, scripts: scriptsEn, routing: routingEn, processMap: processMapEn, feedback: feedbackEn } },
  nl: { translation: { ...nl, canvas: canvasNl, editor: editorNl, rules: rulesNl, slas: slasNl, versions: versionsNl, sim: simNl, pages: pagesNl, stages: stagesNl, translations: translationsNl, model: modelNl, backtest: backtestNl, migrations: migrationsNl, public: publicNl, chat: chatNl, due: dueNl, scripts: scriptsNl, routing: routingNl, processMap: processMapNl, feedback: feedbackNl } },
} as const;
