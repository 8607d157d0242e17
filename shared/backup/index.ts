export * from './format';
export * from './payload';
export * from './merge';
export * from './records';
export * from './passphrase-hash';
export * from './erasure';
