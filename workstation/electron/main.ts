// The workstation shell's main process: everything but the Electron calls lives in shared/shell.
import * as electron from 'electron';
import { runShell } from '../../shared/shell/runtime/main-entry.js';

runShell('workstation', electron, __dirname);
