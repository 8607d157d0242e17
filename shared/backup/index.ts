export * from './format';
export * from './payload';
export * from './merge';
export * from './passphrase-hash';
