/**
 * Each assistant answer keeps what the faithfulness checker found in it (JSON: contradictions with the
 * report, a quote the report does not contain), so the conversation shows it again when reopened. Null
 * for questions and for answers stored before checks existed.
 */
export const answerChecksSchema = `
ALTER TABLE messages ADD COLUMN check_json TEXT;
`;
