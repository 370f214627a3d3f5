// The kiosk shell's preload: only electron and shared/shell's bundled pure modules (sandboxed preload).
import { contextBridge, ipcRenderer } from 'electron';
import { runPreload } from '../../shared/shell/preload/bridge.js';

runPreload('kiosk', contextBridge, ipcRenderer, window);
