/** The app's IndexedDB database, by name: its own module so the early opener loads nothing else. */
export const DATABASE_NAME = 'careers-desk';
