import type { ChatMessage } from '../../common/api/reportContract.js';
import type { SqliteDatabase } from '../store/openDatabase.js';

/** One conversation per study: the reader's questions and the assistant's answers, in order, in SQLite. */
export class SqliteConversationStore {
	constructor(private readonly db: SqliteDatabase) {}

	conversationId(studyId: number): number {
		this.db
			.prepare('INSERT INTO conversations (study_ref) VALUES (?) ON CONFLICT (study_ref) DO NOTHING')
			.run(studyId);
		return (this.db.prepare('SELECT id FROM conversations WHERE study_ref = ?').get(studyId) as { id: number }).id;
	}

	addMessage(
		studyId: number,
		m: {
			role: 'user' | 'assistant';
			task: string;
			text: string;
			prompt?: string | null;
			reportText?: string | null;
			stoppedBy?: string | null;
			check?: ChatMessage['check'];
		},
	): ChatMessage {
		const conv = this.conversationId(studyId);
		const id = Number(
			this.db
				.prepare(
					`INSERT INTO messages
						(conversation_ref, role, task, text, prompt, report_text, stopped_by, check_json)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				)
				.run(
					conv,
					m.role,
					m.task,
					m.text,
					m.prompt ?? null,
					m.reportText ?? null,
					m.stoppedBy ?? null,
					m.check ? JSON.stringify(m.check) : null,
				).lastInsertRowid,
		);
		return this.messages(studyId).find((x) => x.id === id)!;
	}

	messages(studyId: number): ChatMessage[] {
		const rows = this.db
			.prepare(
				`SELECT m.id, m.role, m.task, m.text, m.created_at AS createdAt, m.check_json AS checkJson
					FROM messages m JOIN conversations c ON c.id = m.conversation_ref
			WHERE c.study_ref = ? ORDER BY m.id`,
			)
			.all(studyId) as (Omit<ChatMessage, 'check'> & { checkJson: string | null })[];
		return rows.map(({ checkJson, ...m }) => ({
			...m,
			check: checkJson ? (JSON.parse(checkJson) as ChatMessage['check']) : null,
		}));
	}

	/** The conversation as the model saw it: user turns with the exact prompt sent, answers as given. */
	turns(
		studyId: number,
	): { role: 'user' | 'assistant'; text: string; prompt: string | null; reportText: string | null }[] {
		return this.db
			.prepare(
				`SELECT m.role, m.text, m.prompt, m.report_text AS reportText FROM messages m JOIN conversations c
					ON c.id = m.conversation_ref
			WHERE c.study_ref = ? ORDER BY m.id`,
			)
			.all(studyId) as {
			role: 'user' | 'assistant';
			text: string;
			prompt: string | null;
			reportText: string | null;
		}[];
	}
}
