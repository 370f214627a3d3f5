export * from './api-client.js';
export * from './live-socket.js';
export * from './outbox.js';
