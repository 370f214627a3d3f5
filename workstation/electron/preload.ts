// The workstation shell's preload: only electron and shared/shell's bundled pure modules (sandboxed preload).
import { contextBridge, ipcRenderer } from 'electron';
import { runPreload } from '../../shared/shell/preload/bridge.js';

runPreload('workstation', contextBridge, ipcRenderer, window);
