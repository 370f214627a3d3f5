export * from './domain/model.js';
export * from './domain/events.js';
export * from './domain/commands.js';
export * from './api/index.js';
export * from './text/search.js';
