/**
 * Which PACS a retrieved study came from, so its signed report goes back there (else to the default
 * PACS). Keyed by the PACS's settings id: renaming a PACS keeps its studies.
 */
export const pacsOriginsSchema = `
CREATE TABLE pacs_origins (
	study_id INTEGER PRIMARY KEY REFERENCES studies(id) ON DELETE CASCADE,
	pacs_id TEXT NOT NULL,
	retrieved_at TEXT NOT NULL
);
`;
