import { openDatabase, type DB } from './client';
import { users, type User } from './schema';
import { newId } from '../ids';

/** A fresh in-memory database built by the real migrations, for unit tests. */
export function createTestDb(): DB {
	return openDatabase(':memory:').db;
}

/** Inserts a person with sensible defaults; pass only what the test cares about. */
export function insertTestUser(db: DB, fields: Partial<typeof users.$inferInsert> = {}): User {
	return db
		.insert(users)
		.values({
			id: newId(),
			displayName: 'Test',
			email: `${newId()}@test.example`,
			createdAt: 0,
			...fields
		})
		.returning()
		.all()[0]!;
}
