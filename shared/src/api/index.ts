export * from './version.js';
export * from './errors.js';
export * from './principal.js';
export * from './dto.js';
export * from './rest.js';
export * from './routes.js';
export * from './ws.js';
export * from './openapi.js';
