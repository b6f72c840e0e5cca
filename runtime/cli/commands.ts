// The list of commands. Each one is loaded only when it runs, so `dossier validate` starts fast.
import { registerCommand } from './main.ts';

void registerCommand;
