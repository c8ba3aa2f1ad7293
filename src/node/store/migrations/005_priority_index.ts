/** The worklist's priority order (stat, urgent, routine) as an expression index, so sorting by it reads an index. */
export const priorityIndexSchema = `
CREATE INDEX studies_by_priority_rank ON studies((CASE priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1
	ELSE 2 END), id);
`;
