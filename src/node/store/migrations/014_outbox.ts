/**
 * The outbox: each signed report (and each addendum) waiting to go to a PACS as an SR or to the RIS as
 * HL7, queued in the signature's transaction so nothing signed is lost if the app stops before sending.
 * `revision` 0 is the signature, n the nth addendum. The SR's UIDs and the HL7 control id are fixed when
 * queued, so a retry sends the same instance and message and the receiver can tell it was sent before.
 */
export const outboxSchema = `
CREATE TABLE outbox_items (
	id INTEGER PRIMARY KEY,
	study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
	report_id INTEGER NOT NULL,
	revision INTEGER NOT NULL CHECK (revision >= 0),
	destination_kind TEXT NOT NULL CHECK (destination_kind IN ('pacs', 'ris')),
	destination_id TEXT NOT NULL,
	series_uid TEXT,
	instance_uid TEXT,
	control_id TEXT,
	predecessor_series_uid TEXT,
	predecessor_instance_uid TEXT,
	state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'delivered', 'attention')),
	attempts INTEGER NOT NULL DEFAULT 0,
	last_error TEXT,
	next_try_at TEXT NOT NULL,
	queued_at TEXT NOT NULL,
	delivered_at TEXT,
	UNIQUE (report_id, revision, destination_kind, destination_id)
);
CREATE INDEX outbox_items_state ON outbox_items (state, id);
`;
