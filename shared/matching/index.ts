export * from './assignment';
export * from './checks';
export * from './score';
export * from './allocate';
