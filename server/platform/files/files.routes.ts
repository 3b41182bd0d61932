import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorBody } from '../../../contracts/errors';
import { ZFileRef } from '../../../contracts/files';
import { UPLOAD_FILE_TYPES } from '../../../contracts/settings';
import { AppError } from '../errors';
import type { FileService } from './files.service';

const tags = ['files'];
/** Validates params and query with Zod as usual, and lets the multipart body through untouched. */
const bodyForDocsOnly: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? () => ({ value: undefined })
    : validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
/** The multipart body as OpenAPI shows it; the multipart parser, not Zod, reads the real one. */
const ZUploadBody = z.object({ file: z.any().describe('Tệp (PDF, DOCX, XLSX, DOC, XLS, JPG, PNG, TIF)') });
const ZFileIdParams = z.object({ id: z.string().uuid() });
/** The upload limits in force (system settings upload.maxFileMb and upload.allowedTypes). */
const ZUploadLimits = z.object({ maxFileMb: z.number().int(), allowedTypes: z.array(z.enum(UPLOAD_FILE_TYPES)) });
const ZContentQuery = z.object({
  /** `1`: always as a download, even a PDF or an image. */
  download: z.enum(['0', '1']).optional(),
});

/**
 * Uploads, and the uploader's own look at a file before the form that uses it is saved. Once a
 * file is attached, only the owning module's routes serve it (they know who may read the record).
 */
export function filesRoutes(app: FastifyInstance, deps: { files: FileService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };

  r.post('/api/files', {
    config,
    // The body schema is for the documentation only: a multipart body has no parsed fields.
    validatorCompiler: bodyForDocsOnly,
    schema: {
      tags,
      summary: 'Tải lên một tệp (multipart, trường "file"); đính kèm vào hồ sơ sau bằng id',
      description:
        'Kiểm tra dung lượng (upload.maxFileMb), loại tệp thật theo nội dung (upload.allowedTypes) và phần mở rộng.',
      consumes: ['multipart/form-data'],
      body: ZUploadBody,
      response: {
        201: ZFileRef,
        400: ZErrorBody,
        401: ZErrorBody,
        413: ZErrorBody,
        415: ZErrorBody,
        422: ZErrorBody,
      },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await req.file();
      if (part?.fieldname !== 'file') {
        part?.file.resume();
        throw new AppError('VALIDATION_FAILED', { field: 'body.file' });
      }
      return reply.code(201).send(await deps.files.upload(req.ctx, { filename: part.filename, file: part.file }));
    },
  });

  r.get('/api/files/limits', {
    config,
    schema: {
      tags,
      summary: 'Giới hạn tải lên đang áp dụng: dung lượng tối đa (MB) và các loại tệp được phép',
      response: { 200: ZUploadLimits, 401: ZErrorBody },
    },
    handler: () => deps.files.limits(),
  });

  r.get('/api/files/:id/content', {
    config,
    schema: {
      tags,
      summary: 'Nội dung tệp vừa tải lên, chưa đính kèm (chỉ người tải lên)',
      params: ZFileIdParams,
      querystring: ZContentQuery,
      response: {
        200: z.any().describe('Nội dung tệp'),
        304: z.any(),
        400: ZErrorBody,
        401: ZErrorBody,
        404: ZErrorBody,
      },
    },
    handler: async (req, reply) => {
      await deps.files.ownUnattached(req.ctx, req.params.id);
      return deps.files.send(reply, req.params.id, { inline: req.query.download !== '1' });
    },
  });

  r.get('/api/files/:id/preview', {
    config,
    schema: {
      tags,
      summary: 'Xem trước tệp DOCX dạng HTML, tệp chưa đính kèm (chỉ người tải lên)',
      params: ZFileIdParams,
      response: {
        200: z.any().describe('Trang HTML'),
        304: z.any(),
        400: ZErrorBody,
        401: ZErrorBody,
        404: ZErrorBody,
        413: ZErrorBody,
      },
    },
    handler: async (req, reply) => {
      await deps.files.ownUnattached(req.ctx, req.params.id);
      return deps.files.sendPreviewHtml(reply, req.params.id);
    },
  });
}
