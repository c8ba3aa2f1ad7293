// The studies capability's public face: what other capabilities may import from src/node/studies/.
export type { ImportedFile, ImportOrigin, StudyImporter } from './StudyImporter.js';
export type { StudyService } from './StudyService.js';
export type { AdmittedImage } from './AdmittedImage.js';
