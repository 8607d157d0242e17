export * from './consent';
export * from './current';
export * from './entry';
