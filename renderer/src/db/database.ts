import { CareersDeskDb } from './schema';

/** The app's database. Tests construct their own CareersDeskDb with a fresh name instead. */
export const db = new CareersDeskDb();
