export * from './auth-object.js';
export * from './env.js';
export * from './keys.js';
export * from './middleware.js';
export * from './next.js';
export * from './packages.js';
export * from './users.js';
export * from './webhooks.js';
