export * from './assignment';
export * from './checks';
export * from './score';
export * from './allocate';
export * from './words';
export * from './allocation-list';
export * from './stored-allocation';
export * from './journeys';
