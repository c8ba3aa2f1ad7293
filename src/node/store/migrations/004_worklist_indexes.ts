/** Status filters sorted by import time or study date read the page straight from an index at 100,000 studies. */
export const worklistIndexesSchema = `
CREATE INDEX studies_by_status_imported ON studies(status, imported_at, id);
CREATE INDEX studies_by_status_date ON studies(status, study_date, id);
`;
