export * from './domain/model.js';
export * from './domain/events.js';
export * from './domain/commands.js';
export * from './domain/identity.js';
export * from './api/index.js';
export * from './format/french.js';
export * from './format/local-day.js';
