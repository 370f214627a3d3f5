/** IPC channel names shared by the preloads and the main process. */
export const IPC = {
  kioskExit: 'gfa:kiosk:request-exit',
  deskAssigned: 'gfa:desk:notify-assigned',
} as const;
