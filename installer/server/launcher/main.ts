/**
 * The "GFA Serveur" application shortcut. The server itself runs as a Windows service with the
 * Node shipped beside it (resources/server/node.exe); electron-builder still packages an Electron
 * executable, so that executable is made useful: it opens the administration screen of the local
 * server in the default browser and quits. It has no window, no network code and no Node access
 * for pages.
 */
import { app, dialog, shell } from 'electron';

/** The service listens on every interface, port 8443 (gfa serve's default). */
const ADMIN_URL = 'https://localhost:8443/workstation/';

app.on('window-all-closed', () => undefined);

void app.whenReady().then(async () => {
  try {
    await shell.openExternal(ADMIN_URL);
  } catch {
    dialog.showErrorBox(
      'GFA Serveur',
      `Impossible d’ouvrir le navigateur. Adresse de l’administration : ${ADMIN_URL}`,
    );
  }
  app.quit();
});
