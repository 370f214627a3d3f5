export * from './Keyboard.js';
export * from './OfflineMarker.js';
export * from './chime.js';
export * from './device-session.js';
export * from './use-polled.js';
