import { z } from 'zod';

/**
 * Contracts of uploaded files. A file is uploaded first (POST /api/files, multipart, one file)
 * and then attached to a record by id; the module that owns the record serves it back.
 */

/** How the browser can show a file: pdf inline, image, html (DOCX converted), none (download only). */
export const FILE_PREVIEWS = ['pdf', 'image', 'html', 'none'] as const;

export const ZFileRef = z.object({
  id: z.string().uuid(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  preview: z.enum(FILE_PREVIEWS),
});
export type TFileRef = z.infer<typeof ZFileRef>;
