/**
 * Why an instance's pixels cannot be shown (its header disagrees with its pixel data, or the data does
 * not decode), checked after it was stored; null when it decodes. The file itself is kept.
 */
export const notDisplayableSchema = `
ALTER TABLE instances ADD COLUMN not_displayable TEXT;
`;
