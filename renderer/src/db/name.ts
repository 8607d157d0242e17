/** The app's IndexedDB database, by name: its own module so the early opener loads nothing else. */
export const DATABASE_NAME = 'careers-desk';

/** The timetable database that goes with the records database of this name. */
export function timetableDatabaseName(recordsDatabaseName: string): string {
  return `${recordsDatabaseName}-timetables`;
}
