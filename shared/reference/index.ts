export * from './areas';
export * from './destinations';
export * from './gatsby';
export * from './sectors';
export * from './lists';
export * from './outcodes';
export * from './providers';
export * from './geography';
